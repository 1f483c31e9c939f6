// The client-matrix scenario through the AWS SDK for Go v1: Customer Profiles, IAM and STS against the
// server at SCENARIO_ENDPOINT; prints the scenario report as one JSON object on stdout.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/aws/credentials"
	"github.com/aws/aws-sdk-go/aws/session"
	"github.com/aws/aws-sdk-go/service/customerprofiles"
	"github.com/aws/aws-sdk-go/service/iam"
	"github.com/aws/aws-sdk-go/service/sts"
)

const clientName = "go-v1"

func fail(step string, err error) {
	fmt.Fprintf(os.Stderr, "%s: %v\n", step, err)
	os.Exit(1)
}

func must(step string, err error) {
	if err != nil {
		fail(step, err)
	}
}

func env(name string) string {
	value, set := os.LookupEnv(name)
	if !set {
		fail("environment", fmt.Errorf("%s is not set", name))
	}
	return value
}

// newSession signs with the given key; maxRetries nil keeps the SDK's default retryer.
func newSession(accessKeyID, secretAccessKey string, maxRetries *int) *session.Session {
	config := aws.NewConfig().
		WithEndpoint(env("SCENARIO_ENDPOINT")).
		WithRegion(env("SCENARIO_REGION")).
		WithCredentials(credentials.NewStaticCredentials(accessKeyID, secretAccessKey, ""))
	if maxRetries != nil {
		config = config.WithMaxRetries(*maxRetries)
	}
	return session.Must(session.NewSession(config))
}

func main() {
	accessKeyID, secretAccessKey := env("SCENARIO_ACCESS_KEY_ID"), env("SCENARIO_SECRET_ACCESS_KEY")
	domain := env("SCENARIO_DOMAIN")
	noRetries := newSession(accessKeyID, secretAccessKey, aws.Int(0))
	identity, err := sts.New(noRetries).GetCallerIdentity(&sts.GetCallerIdentityInput{})
	must("GetCallerIdentity", err)
	s := scenario{
		domain:    domain,
		profiles:  customerprofiles.New(noRetries),
		iam:       iam.New(noRetries),
		accountID: aws.StringValue(identity.Account),
	}
	out := report{Client: "aws-sdk-go " + aws.SDKVersion}
	s.domainAndProfiles(&out)
	s.objects(&out)
	s.searchAndMerge(&out)
	s.tags(&out)
	s.iamUser(&out)
	s.role(&out)
	if name := env("SCENARIO_NOT_IMPLEMENTED"); name != "" {
		defaultRetries := customerprofiles.New(newSession(accessKeyID, secretAccessKey, nil))
		failure := expectFailure("notImplemented", callByName(defaultRetries, name, env("SCENARIO_NOT_IMPLEMENTED_HTTP"), domain))
		out.NotImplemented = &failure
	}
	wrongSecret := customerprofiles.New(newSession(accessKeyID, secretAccessKey+"x", aws.Int(0)))
	_, err = wrongSecret.GetDomain(&customerprofiles.GetDomainInput{DomainName: &domain})
	out.UnmodelledError = expectFailure("unmodelledError", err)
	deleted, err := s.profiles.DeleteDomain(&customerprofiles.DeleteDomainInput{DomainName: &domain})
	must("DeleteDomain", err)
	out.DeleteDomain = aws.StringValue(deleted.Message)
	must("report", json.NewEncoder(os.Stdout).Encode(out))
}
