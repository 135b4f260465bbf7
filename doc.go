// Package imhars holds the domain of the iMHARS whole-school audit: schools
// and their teams, frameworks of components and supporting practices,
// audits with their ratings and findings, and the report computed from
// them. Adapters for storage, HTTP and file formats live in sub-packages
// named after what they wrap, and cmd/imhars wires them together.
package imhars
