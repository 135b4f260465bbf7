-- The initial schema. {{id}} and {{time}} are replaced with the dialect's
-- auto-increment key and timestamp types; see migrate.go. Times are UTC.

CREATE TABLE users (
	id {{id}},
	email TEXT NOT NULL UNIQUE, -- lower case
	name TEXT NOT NULL,
	password_hash TEXT NOT NULL,
	is_admin BOOLEAN NOT NULL DEFAULT FALSE,
	created_at {{time}} NOT NULL
);

CREATE TABLE sessions (
	token_hash TEXT PRIMARY KEY,
	user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	csrf_token TEXT NOT NULL,
	expires_at {{time}} NOT NULL
);

CREATE INDEX sessions_user_id ON sessions (user_id);
CREATE INDEX sessions_expires_at ON sessions (expires_at);

CREATE TABLE pending_forms (
	id TEXT PRIMARY KEY,
	path TEXT NOT NULL,
	form_values TEXT NOT NULL,
	expires_at {{time}} NOT NULL
);

CREATE INDEX pending_forms_expires_at ON pending_forms (expires_at);

CREATE TABLE schools (
	id {{id}},
	name TEXT NOT NULL,
	phase TEXT NOT NULL,
	urn TEXT NOT NULL DEFAULT '',
	local_authority TEXT NOT NULL DEFAULT '',
	is_sample BOOLEAN NOT NULL DEFAULT FALSE,
	created_at {{time}} NOT NULL
);

CREATE TABLE members (
	school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
	user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
	role TEXT NOT NULL CHECK (role IN ('lead', 'member', 'viewer')),
	PRIMARY KEY (school_id, user_id)
);

CREATE INDEX members_user_id ON members (user_id);

CREATE TABLE invitations (
	id {{id}},
	school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
	token_hash TEXT NOT NULL UNIQUE,
	role TEXT NOT NULL CHECK (role IN ('lead', 'member', 'viewer')),
	note TEXT NOT NULL DEFAULT '',
	created_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
	created_at {{time}} NOT NULL,
	expires_at {{time}} NOT NULL,
	used_at {{time}},
	used_by BIGINT REFERENCES users (id) ON DELETE SET NULL
);

CREATE INDEX invitations_school_id ON invitations (school_id);

-- A framework is stored as the source text it was imported from and parsed
-- again when loaded; slug, version and title are copies for listing.
CREATE TABLE frameworks (
	id {{id}},
	slug TEXT NOT NULL,
	version TEXT NOT NULL,
	title TEXT NOT NULL,
	source TEXT NOT NULL,
	imported_by BIGINT REFERENCES users (id) ON DELETE SET NULL,
	imported_at {{time}} NOT NULL,
	UNIQUE (slug, version)
);

CREATE TABLE audits (
	id {{id}},
	school_id BIGINT NOT NULL REFERENCES schools (id) ON DELETE CASCADE,
	framework_id BIGINT NOT NULL REFERENCES frameworks (id),
	academic_year TEXT NOT NULL, -- such as 2026/27, so text order is year order
	status TEXT NOT NULL CHECK (status IN ('in-progress', 'complete')),
	created_at {{time}} NOT NULL,
	completed_at {{time}},
	UNIQUE (school_id, academic_year)
);

CREATE TABLE practice_assessments (
	audit_id BIGINT NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	practice_key TEXT NOT NULL,
	rating INTEGER NOT NULL CHECK (rating BETWEEN -1 AND 3), -- -1 is not yet assessed
	evidence TEXT NOT NULL,
	kinds TEXT NOT NULL, -- evidence kinds separated by commas
	priority TEXT NOT NULL,
	version INTEGER NOT NULL,
	updated_by TEXT NOT NULL, -- the editor's name when saved
	updated_at {{time}} NOT NULL,
	PRIMARY KEY (audit_id, practice_key)
);

CREATE TABLE component_findings (
	audit_id BIGINT NOT NULL REFERENCES audits (id) ON DELETE CASCADE,
	component_key TEXT NOT NULL,
	universal_text TEXT NOT NULL,
	universal_coverage TEXT NOT NULL,
	targeted_text TEXT NOT NULL,
	targeted_coverage TEXT NOT NULL,
	specialist_text TEXT NOT NULL,
	specialist_coverage TEXT NOT NULL,
	works_well TEXT NOT NULL,
	improve TEXT NOT NULL,
	next_steps TEXT NOT NULL,
	version INTEGER NOT NULL,
	updated_by TEXT NOT NULL,
	updated_at {{time}} NOT NULL,
	PRIMARY KEY (audit_id, component_key)
);

-- Events outlive the school and user they name, so that a deletion stays
-- on record: their ids become NULL and user_name keeps the name.
CREATE TABLE events (
	id {{id}},
	at {{time}} NOT NULL,
	user_id BIGINT REFERENCES users (id) ON DELETE SET NULL,
	user_name TEXT NOT NULL,
	school_id BIGINT REFERENCES schools (id) ON DELETE SET NULL,
	action TEXT NOT NULL,
	detail TEXT NOT NULL
);

CREATE INDEX events_school_id_at ON events (school_id, at);
