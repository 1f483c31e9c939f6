package main

import (
	"fmt"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/customerprofiles"
	"github.com/aws/aws-sdk-go/service/iam"
)

type scenario struct {
	domain   string
	profiles *customerprofiles.CustomerProfiles
	iam      *iam.IAM
	// The root key's account, as STS GetCallerIdentity names it.
	accountID string
}

func (s scenario) domainAndProfiles(out *report) {
	created, err := s.profiles.CreateDomain(&customerprofiles.CreateDomainInput{DomainName: &s.domain, DefaultExpirationDays: aws.Int64(30)})
	must("CreateDomain", err)
	out.CreateDomain = domainNameOnly{DomainName: aws.StringValue(created.DomainName)}
	got, err := s.profiles.GetDomain(&customerprofiles.GetDomainInput{DomainName: &s.domain})
	must("GetDomain", err)
	out.GetDomain = domainSummary{DomainName: aws.StringValue(got.DomainName), DefaultExpirationDays: aws.Int64Value(got.DefaultExpirationDays)}
	first, err := s.profiles.CreateProfile(&customerprofiles.CreateProfileInput{
		DomainName: &s.domain, FirstName: aws.String("Ada"), LastName: aws.String("Lovelace"),
		EmailAddress: aws.String("ada@example.com"), Attributes: aws.StringMap(map[string]string{"tier": "gold"}),
	})
	must("CreateProfile 1", err)
	second, err := s.profiles.CreateProfile(&customerprofiles.CreateProfileInput{
		DomainName: &s.domain, FirstName: aws.String("Ada"), EmailAddress: aws.String("ada.l@example.com"), PhoneNumber: aws.String("+15555550100"),
	})
	must("CreateProfile 2", err)
	out.ProfileIds = []string{aws.StringValue(first.ProfileId), aws.StringValue(second.ProfileId)}
}

func (s scenario) objects(out *report) {
	_, err := s.profiles.PutProfileObjectType(&customerprofiles.PutProfileObjectTypeInput{
		DomainName: &s.domain, ObjectTypeName: aws.String("Order"), Description: aws.String("orders"), AllowProfileCreation: aws.Bool(false),
		Fields: map[string]*customerprofiles.ObjectTypeField{
			// The scenario's Target "_order.order_id" names no member of the standard _order object, which the
			// server refuses (rule 8); the field stays on the object alone, as in test/api/object-types.test.ts.
			"order_id": {Source: aws.String("_source.order_id")},
			"email":    {Source: aws.String("_source.email"), Target: aws.String("_profile.EmailAddress")},
		},
		Keys: map[string][]*customerprofiles.ObjectTypeKey{
			"_email":   {{StandardIdentifiers: aws.StringSlice([]string{"PROFILE"}), FieldNames: aws.StringSlice([]string{"email"})}},
			"order_id": {{StandardIdentifiers: aws.StringSlice([]string{"UNIQUE"}), FieldNames: aws.StringSlice([]string{"order_id"})}},
		},
	})
	must("PutProfileObjectType", err)
	objectType, err := s.profiles.GetProfileObjectType(&customerprofiles.GetProfileObjectTypeInput{DomainName: &s.domain, ObjectTypeName: aws.String("Order")})
	must("GetProfileObjectType", err)
	out.ObjectTypeKeys = map[string][]objectTypeKey{}
	for name, keys := range objectType.Keys {
		for _, key := range keys {
			out.ObjectTypeKeys[name] = append(out.ObjectTypeKeys[name], objectTypeKey{
				StandardIdentifiers: aws.StringValueSlice(key.StandardIdentifiers), FieldNames: aws.StringValueSlice(key.FieldNames),
			})
		}
	}
	for _, object := range []string{`{"order_id":"o-1","email":"ada@example.com"}`, `{"order_id":"o-2","email":"ada@example.com"}`} {
		put, err := s.profiles.PutProfileObject(&customerprofiles.PutProfileObjectInput{DomainName: &s.domain, ObjectTypeName: aws.String("Order"), Object: aws.String(object)})
		must("PutProfileObject", err)
		out.ObjectUniqueKeys = append(out.ObjectUniqueKeys, aws.StringValue(put.ProfileObjectUniqueKey))
	}
	listed, err := s.profiles.ListProfileObjects(&customerprofiles.ListProfileObjectsInput{DomainName: &s.domain, ObjectTypeName: aws.String("Order"), ProfileId: &out.ProfileIds[0]})
	must("ListProfileObjects", err)
	out.ListedObjects = len(listed.Items)
}

func (s scenario) searchByEmail(email string) []string {
	found, err := s.profiles.SearchProfiles(&customerprofiles.SearchProfilesInput{DomainName: &s.domain, KeyName: aws.String("_email"), Values: aws.StringSlice([]string{email})})
	must("SearchProfiles "+email, err)
	ids := []string{}
	for _, profile := range found.Items {
		ids = append(ids, aws.StringValue(profile.ProfileId))
	}
	return ids
}

func (s scenario) searchAndMerge(out *report) {
	out.SearchByEmail = s.searchByEmail("ada@example.com")
	merged, err := s.profiles.MergeProfiles(&customerprofiles.MergeProfilesInput{
		DomainName: &s.domain, MainProfileId: &out.ProfileIds[0], ProfileIdsToBeMerged: aws.StringSlice(out.ProfileIds[1:]),
	})
	must("MergeProfiles", err)
	out.MergeMessage = aws.StringValue(merged.Message)
	out.AfterMerge = s.searchByEmail("ada.l@example.com")
}

func (s scenario) domainArn() string {
	return fmt.Sprintf("arn:aws:profile:%s:%s:domains/%s", aws.StringValue(s.profiles.Config.Region), s.accountID, s.domain)
}

func (s scenario) listTags(arn string) map[string]string {
	listed, err := s.profiles.ListTagsForResource(&customerprofiles.ListTagsForResourceInput{ResourceArn: &arn})
	must("ListTagsForResource", err)
	return aws.StringValueMap(listed.Tags)
}

func (s scenario) tags(out *report) {
	arn := s.domainArn()
	_, err := s.profiles.TagResource(&customerprofiles.TagResourceInput{ResourceArn: &arn, Tags: aws.StringMap(map[string]string{"team": "crm", "env": "test"})})
	must("TagResource", err)
	out.Tags.Tagged = s.listTags(arn)
	_, err = s.profiles.UntagResource(&customerprofiles.UntagResourceInput{ResourceArn: &arn, TagKeys: aws.StringSlice([]string{"env"})})
	must("UntagResource", err)
	out.Tags.Untagged = s.listTags(arn)
}
