package main

import (
	"fmt"

	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/service/customerprofiles"
)

// Operations the scenario may name as not implemented. This SDK release predates them, so they are
// sent through the client's own request pipeline (signing, retries, restJson error handling).
var notImplementedPaths = map[string]string{
	"ListSegmentDefinitions":             "segment-definitions",
	"ListCalculatedAttributeDefinitions": "calculated-attributes",
	"ListEventStreams":                   "event-streams",
	"ListEventTriggers":                  "event-triggers",
	"ListDomainLayouts":                  "layouts",
	"ListRecommenders":                   "recommenders",
	"ListUploadJobs":                     "upload-jobs",
}

type domainNameInput struct {
	_ struct{} `type:"structure"`

	DomainName *string `location:"uri" locationName:"DomainName" min:"1" type:"string" required:"true"`
}

type ignoredOutput struct {
	_ struct{} `type:"structure"`
}

// callByName calls GET /domains/{DomainName}/<collection> as the operation `name`.
func callByName(client *customerprofiles.CustomerProfiles, name string, domain string) error {
	collection, known := notImplementedPaths[name]
	if !known {
		return fmt.Errorf("no request shape for operation %q", name)
	}
	operation := &request.Operation{Name: name, HTTPMethod: "GET", HTTPPath: "/domains/{DomainName}/" + collection}
	return client.NewRequest(operation, &domainNameInput{DomainName: &domain}, &ignoredOutput{}).Send()
}
