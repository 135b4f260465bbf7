package imhars

import (
	"errors"
	"fmt"
)

// Application error codes. Each maps to one HTTP status in the web package.
const (
	EINVALID   = "invalid"
	ENOTFOUND  = "not_found"
	ECONFLICT  = "conflict"
	EFORBIDDEN = "forbidden"
	EINTERNAL  = "internal"
	ETOOMANY   = "too_many"
)

// Error is an error whose Message is safe to show to a user. Anything that
// is not an *Error is treated as internal and shown as a generic message.
type Error struct {
	Code    string
	Message string
}

func (e *Error) Error() string {
	return fmt.Sprintf("imhars error: code=%s message=%s", e.Code, e.Message)
}

// Errorf returns an *Error with the given code and a formatted message.
func Errorf(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// ErrorCode returns the code of the first *Error in err's chain, or
// EINTERNAL for any other non-nil error.
func ErrorCode(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Code
	}
	return EINTERNAL
}

// ErrorMessage returns the user-safe message of err, or a generic one when
// err carries none.
func ErrorMessage(err error) string {
	var e *Error
	if err == nil {
		return ""
	} else if errors.As(err, &e) {
		return e.Message
	}
	return "Something went wrong on our side. Please try again; if it happens again, tell your administrator."
}

// ErrNotFound is returned by stores when a record does not exist or the
// caller may not see it. Both cases look the same so that ids from other
// schools reveal nothing.
var ErrNotFound = &Error{Code: ENOTFOUND, Message: "Page not found."}
