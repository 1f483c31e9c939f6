package main

import (
	"fmt"

	"github.com/aws/aws-sdk-go/aws"
	"github.com/aws/aws-sdk-go/service/customerprofiles"
	"github.com/aws/aws-sdk-go/service/iam"
)

func (s scenario) iamUser(out *report) {
	userName := aws.String("matrix-" + clientName)
	domainArn := s.domainArn()
	policy := fmt.Sprintf(`{"Version":"2012-10-17","Statement":[`+
		`{"Effect":"Allow","Action":["profile:GetDomain","profile:DeleteDomain"],"Resource":%q},`+
		`{"Effect":"Deny","Action":"profile:DeleteDomain","Resource":%q}]}`, domainArn, domainArn)
	_, err := s.iam.CreateUser(&iam.CreateUserInput{UserName: userName})
	must("CreateUser", err)
	_, err = s.iam.PutUserPolicy(&iam.PutUserPolicyInput{UserName: userName, PolicyName: aws.String("matrix"), PolicyDocument: &policy})
	must("PutUserPolicy", err)
	key, err := s.iam.CreateAccessKey(&iam.CreateAccessKeyInput{UserName: userName})
	must("CreateAccessKey", err)

	asUser := customerprofiles.New(newSession(aws.StringValue(key.AccessKey.AccessKeyId), aws.StringValue(key.AccessKey.SecretAccessKey), aws.Int(0)))
	allowed, err := asUser.GetDomain(&customerprofiles.GetDomainInput{DomainName: &s.domain})
	must("GetDomain as the IAM user", err)
	out.IamUser.AllowedDomainName = aws.StringValue(allowed.DomainName)
	_, err = asUser.DeleteDomain(&customerprofiles.DeleteDomainInput{DomainName: &s.domain})
	out.IamUser.Denied = expectFailure("DeleteDomain as the IAM user", err)

	_, err = s.iam.DeleteUserPolicy(&iam.DeleteUserPolicyInput{UserName: userName, PolicyName: aws.String("matrix")})
	must("DeleteUserPolicy", err)
	_, err = s.iam.DeleteAccessKey(&iam.DeleteAccessKeyInput{UserName: userName, AccessKeyId: key.AccessKey.AccessKeyId})
	must("DeleteAccessKey", err)
	_, err = s.iam.DeleteUser(&iam.DeleteUserInput{UserName: userName})
	must("DeleteUser", err)
}

func (s scenario) role(out *report) {
	roleName := aws.String("matrix-role-" + clientName)
	trust := fmt.Sprintf(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::%s:root"},"Action":"sts:AssumeRole"}]}`, s.accountID)
	created, err := s.iam.CreateRole(&iam.CreateRoleInput{RoleName: roleName, AssumeRolePolicyDocument: &trust})
	must("CreateRole", err)
	out.Role.Arn = aws.StringValue(created.Role.Arn)
	permissions := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"profile:GetDomain","Resource":"*"}]}`
	_, err = s.iam.PutRolePolicy(&iam.PutRolePolicyInput{RoleName: roleName, PolicyName: aws.String("matrix"), PolicyDocument: &permissions})
	must("PutRolePolicy", err)
	_, err = s.iam.DeleteRolePolicy(&iam.DeleteRolePolicyInput{RoleName: roleName, PolicyName: aws.String("matrix")})
	must("DeleteRolePolicy", err)
	_, err = s.iam.DeleteRole(&iam.DeleteRoleInput{RoleName: roleName})
	must("DeleteRole", err)
	_, err = s.iam.GetRole(&iam.GetRoleInput{RoleName: roleName})
	gone := expectFailure("GetRole after DeleteRole", err)
	out.Role.AfterDelete = codeAndStatusErr{Code: gone.Code, Status: gone.Status}
}
