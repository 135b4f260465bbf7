// Package framework reads frameworks from YAML files and ships the default
// iMHARS framework. A file names the framework's components in order and,
// within each, the supporting practices, with optional wording of each
// practice for staff, governors, parents and three age groups of pupils.
// The format is described in docs/framework-format.md.
package framework

import (
	_ "embed"
	"fmt"
	"slices"

	"github.com/imhars/imhars"
)

// Audiences a practice's statements may address.
const (
	AudienceStaff        = "staff"
	AudienceGovernors    = "governors"
	AudienceParents      = "parents"
	AudiencePupils5to7   = "pupils_5_7"
	AudiencePupils8to11  = "pupils_8_11"
	AudiencePupils11to18 = "pupils_11_18"
)

// audiences lists every audience in the order statements are kept.
var audiences = []string{
	AudienceStaff, AudienceGovernors, AudienceParents,
	AudiencePupils5to7, AudiencePupils8to11, AudiencePupils11to18,
}

// Audiences returns every audience a statement may address, adults first
// and then pupils from youngest to oldest.
func Audiences() []string {
	return slices.Clone(audiences)
}

//go:embed imhars.yaml
var defaultSource string

// Default parses the embedded iMHARS framework that ships with the
// application. Each call returns a fresh copy, so callers may change it
// freely. It panics if the embedded file is invalid, which the package
// tests rule out.
func Default() *imhars.Framework {
	f, err := Parse([]byte(defaultSource))
	if err != nil {
		panic(fmt.Sprintf("framework: embedded imhars.yaml: %v", err))
	}
	return f
}

// DefaultSource returns the YAML text of the default framework, for an
// administrator to download as a starting point for a replacement.
func DefaultSource() []byte {
	return []byte(defaultSource)
}
