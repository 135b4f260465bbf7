package sqlstore

import (
	"context"
	"errors"
	"fmt"

	"github.com/imhars/imhars"
	"github.com/imhars/imhars/framework"
)

// SaveFramework stores f with the source text it was parsed from and sets
// f.ID. The source must parse to the same slug and version as f, because
// Framework parses it again. A slug and version already stored is a
// conflict.
func (s *Store) SaveFramework(ctx context.Context, f *imhars.Framework, source []byte, importedBy *int64) error {
	parsed, err := framework.Parse(source)
	if err != nil {
		return fmt.Errorf("save framework %s %s: %w", f.Slug, f.Version, err)
	}
	if parsed.Slug != f.Slug || parsed.Version != f.Version {
		return fmt.Errorf("save framework %s %s: source is for %s %s",
			f.Slug, f.Version, parsed.Slug, parsed.Version)
	}

	var id int64
	err = s.writer().queryRow(ctx, `INSERT INTO frameworks (slug, version, title, source, imported_by, imported_at)
		VALUES (?, ?, ?, ?, ?, ?) RETURNING id`,
		f.Slug, f.Version, f.Title, string(source), importedBy, nowUTC()).Scan(&id)
	if isUniqueViolation(err) {
		err = imhars.Errorf(imhars.ECONFLICT,
			"Version %s of the framework %q is already imported. To import this file, give it a new version.",
			f.Version, f.Slug)
	}
	if err != nil {
		return fmt.Errorf("save framework %s %s: %w", f.Slug, f.Version, err)
	}
	f.ID = id
	parsed.ID = id
	s.cacheFramework(parsed)
	return nil
}

// Framework returns the framework with the given id, parsed from its
// stored source once and then kept in memory. Stored frameworks never
// change, so the result is shared between callers and must not be
// modified.
func (s *Store) Framework(ctx context.Context, id int64) (*imhars.Framework, error) {
	s.mu.Lock()
	f, ok := s.frameworks[id]
	s.mu.Unlock()
	if ok {
		return f, nil
	}

	src, err := s.FrameworkSource(ctx, id)
	if err != nil {
		return nil, err
	}
	f, err = framework.Parse(src)
	if err != nil {
		return nil, fmt.Errorf("parse stored framework %d: %w", id, err)
	}
	f.ID = id
	return s.cacheFramework(f), nil
}

// cacheFramework keeps f unless another caller cached the same id first,
// and returns the kept one.
func (s *Store) cacheFramework(f *imhars.Framework) *imhars.Framework {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cached, ok := s.frameworks[f.ID]; ok {
		return cached
	}
	s.frameworks[f.ID] = f
	return f
}

// Frameworks returns every stored framework, by slug and then in the order
// imported. The components of each are shared as in Framework.
func (s *Store) Frameworks(ctx context.Context) ([]imhars.Framework, error) {
	ids, err := queryAll(ctx, s.reader(), scanID,
		"SELECT id FROM frameworks ORDER BY slug, imported_at, id")
	if err != nil {
		return nil, fmt.Errorf("list frameworks: %w", err)
	}
	list := make([]imhars.Framework, 0, len(ids))
	for _, id := range ids {
		f, err := s.Framework(ctx, id)
		if err != nil {
			return nil, err
		}
		list = append(list, *f)
	}
	return list, nil
}

// FrameworkSource returns the text a framework was imported from.
func (s *Store) FrameworkSource(ctx context.Context, id int64) ([]byte, error) {
	var src string
	err := s.reader().queryRow(ctx, "SELECT source FROM frameworks WHERE id = ?", id).Scan(&src)
	if err != nil {
		return nil, wrapError(err, "get source of framework %d", id)
	}
	return []byte(src), nil
}

// LatestFramework returns the version of the framework with the given slug
// that was imported last, which is the one new audits use.
func (s *Store) LatestFramework(ctx context.Context, slug string) (*imhars.Framework, error) {
	var id int64
	err := s.reader().queryRow(ctx, `SELECT id FROM frameworks WHERE slug = ?
		ORDER BY imported_at DESC, id DESC LIMIT 1`, slug).Scan(&id)
	if err != nil {
		return nil, wrapError(err, "get latest framework %q", slug)
	}
	return s.Framework(ctx, id)
}

// EnsureDefaultFramework stores f, parsed from src, unless its slug and
// version are already stored, and returns the stored framework. A stored
// text wins even if src differs, so that audits keep the wording they
// started with. A changed default therefore needs a new version.
func (s *Store) EnsureDefaultFramework(ctx context.Context, f *imhars.Framework, src []byte) (*imhars.Framework, error) {
	id, err := s.frameworkID(ctx, f.Slug, f.Version)
	if errors.Is(err, imhars.ErrNotFound) {
		saved := *f
		err = s.SaveFramework(ctx, &saved, src, nil)
		id = saved.ID
		if imhars.ErrorCode(err) == imhars.ECONFLICT {
			// Another process stored it between the lookup and the insert.
			id, err = s.frameworkID(ctx, f.Slug, f.Version)
		}
	}
	if err != nil {
		return nil, fmt.Errorf("ensure default framework: %w", err)
	}
	return s.Framework(ctx, id)
}

func (s *Store) frameworkID(ctx context.Context, slug, version string) (int64, error) {
	var id int64
	err := s.reader().queryRow(ctx, "SELECT id FROM frameworks WHERE slug = ? AND version = ?",
		slug, version).Scan(&id)
	if err != nil {
		return 0, wrapError(err, "find framework %s %s", slug, version)
	}
	return id, nil
}

func scanID(r scanner) (int64, error) {
	var id int64
	err := r.Scan(&id)
	return id, err
}
