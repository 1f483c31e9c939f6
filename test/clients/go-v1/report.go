package main

import (
	"errors"

	"github.com/aws/aws-sdk-go/aws/awserr"
)

// The one JSON object the program prints: the client-matrix scenario report, plus unmodelledError.
type report struct {
	Client           string                     `json:"client"`
	CreateDomain     domainNameOnly             `json:"createDomain"`
	GetDomain        domainSummary              `json:"getDomain"`
	ProfileIds       []string                   `json:"profileIds"`
	ObjectTypeKeys   map[string][]objectTypeKey `json:"objectTypeKeys"`
	ObjectUniqueKeys []string                   `json:"objectUniqueKeys"`
	ListedObjects    int                        `json:"listedObjects"`
	SearchByEmail    []string                   `json:"searchByEmail"`
	MergeMessage     string                     `json:"mergeMessage"`
	AfterMerge       []string                   `json:"afterMerge"`
	Tags             tagsReport                 `json:"tags"`
	IamUser          iamUserReport              `json:"iamUser"`
	Role             roleReport                 `json:"role"`
	NotImplemented   *serviceError              `json:"notImplemented"`
	UnmodelledError  serviceError               `json:"unmodelledError"`
	DeleteDomain     string                     `json:"deleteDomain"`
}

type domainNameOnly struct {
	DomainName string
}

type domainSummary struct {
	DomainName            string
	DefaultExpirationDays int64
}

type objectTypeKey struct {
	StandardIdentifiers []string
	FieldNames          []string
}

type tagsReport struct {
	Tagged   map[string]string `json:"tagged"`
	Untagged map[string]string `json:"untagged"`
}

type iamUserReport struct {
	AllowedDomainName string       `json:"allowedDomainName"`
	Denied            serviceError `json:"denied"`
}

type roleReport struct {
	Arn         string           `json:"arn"`
	AfterDelete codeAndStatusErr `json:"afterDelete"`
}

type serviceError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Status  int    `json:"status"`
}

type codeAndStatusErr struct {
	Code   string `json:"code"`
	Status int    `json:"status"`
}

// expectFailure turns the error of a call that had to fail into its code, message and HTTP status.
func expectFailure(step string, err error) serviceError {
	if err == nil {
		fail(step, errors.New("succeeded, but the scenario expects it to fail"))
	}
	var failure awserr.RequestFailure
	if !errors.As(err, &failure) {
		fail(step, err)
	}
	return serviceError{Code: failure.Code(), Message: failure.Message(), Status: failure.StatusCode()}
}
