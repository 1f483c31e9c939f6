package main

import (
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go/aws/request"
	"github.com/aws/aws-sdk-go/service/customerprofiles"
)

// The operations the scenario may name as not implemented take only a DomainName. This SDK release predates
// them, so they are sent through the client's own request pipeline (signing, retries, restJson error
// handling) with the HTTP binding the test reads from the server's model (SCENARIO_NOT_IMPLEMENTED_HTTP).

type domainNameInput struct {
	_ struct{} `type:"structure"`

	DomainName *string `location:"uri" locationName:"DomainName" min:"1" type:"string" required:"true"`
}

type ignoredOutput struct {
	_ struct{} `type:"structure"`
}

// callByName calls the operation `name` bound to `binding` ("GET /domains/{DomainName}/…").
func callByName(client *customerprofiles.CustomerProfiles, name string, binding string, domain string) error {
	method, path, found := strings.Cut(binding, " ")
	if !found || !strings.Contains(path, "{DomainName}") {
		return fmt.Errorf("operation %q has no usable HTTP binding: %q", name, binding)
	}
	operation := &request.Operation{Name: name, HTTPMethod: method, HTTPPath: path}
	return client.NewRequest(operation, &domainNameInput{DomainName: &domain}, &ignoredOutput{}).Send()
}
