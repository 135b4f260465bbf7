package sqlstore

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"strings"

	"github.com/imhars/imhars"
)

// newLinkID returns 128 random bits as 22 URL-safe characters.
func newLinkID() string {
	return base64.RawURLEncoding.EncodeToString(randomBytes(16))
}

// newShortCode returns imhars.ShortCodeLen characters drawn uniformly from
// imhars.ShortCodeAlphabet, whose 32 letters make each byte modulo 32
// unbiased.
func newShortCode() string {
	const alphabet = imhars.ShortCodeAlphabet
	var b strings.Builder
	for _, x := range randomBytes(imhars.ShortCodeLen) {
		b.WriteByte(alphabet[int(x)%len(alphabet)])
	}
	return b.String()
}

// newResponseID returns 128 random bits as 32 hexadecimal digits.
func newResponseID() string {
	return hex.EncodeToString(randomBytes(16))
}

// newCommentID returns a random positive 63-bit integer.
func newCommentID() int64 {
	return int64(binary.BigEndian.Uint64(randomBytes(8)) >> 1)
}

// randomBytes returns n bytes from crypto/rand. Since Go 1.24 its Read
// never returns an error and crashes the program instead.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	rand.Read(b)
	return b
}
