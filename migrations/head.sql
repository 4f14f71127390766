-- The schema of migrations/versions at 0011. Made by `make schema`; do not edit.

CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);
CREATE TABLE articles (
	id INTEGER NOT NULL, 
	sha256 TEXT NOT NULL, 
	origin TEXT NOT NULL, 
	locator TEXT, 
	title TEXT, 
	published TEXT, 
	source TEXT, 
	author TEXT, 
	section TEXT, 
	url TEXT, 
	text TEXT NOT NULL, 
	parser_version TEXT NOT NULL, 
	loaded_at TEXT NOT NULL, 
	CONSTRAINT pk_articles PRIMARY KEY (id), 
	CONSTRAINT uq_articles_sha256 UNIQUE (sha256)
);
CREATE INDEX ix_articles_published ON articles (published);
CREATE INDEX ix_articles_source ON articles (source);
CREATE TABLE events (
	id INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	kind TEXT, 
	location TEXT, 
	date TEXT, 
	organizer TEXT, 
	name_key TEXT NOT NULL, 
	CONSTRAINT pk_events PRIMARY KEY (id)
);
CREATE INDEX ix_events_name_key ON events (name_key);
CREATE TABLE source_files (
	id INTEGER NOT NULL, 
	path TEXT NOT NULL, 
	size INTEGER NOT NULL, 
	mtime FLOAT NOT NULL, 
	sha256 TEXT NOT NULL, 
	parser_version TEXT NOT NULL, 
	articles INTEGER NOT NULL, 
	loaded_at TEXT NOT NULL, 
	CONSTRAINT pk_source_files PRIMARY KEY (id), 
	CONSTRAINT uq_source_files_path UNIQUE (path)
);
CREATE TABLE article_events (
	article_id INTEGER NOT NULL, 
	event_id INTEGER NOT NULL, 
	CONSTRAINT pk_article_events PRIMARY KEY (article_id, event_id), 
	CONSTRAINT fk_article_events_article_id_articles FOREIGN KEY(article_id) REFERENCES articles (id), 
	CONSTRAINT fk_article_events_event_id_events FOREIGN KEY(event_id) REFERENCES events (id)
);
CREATE INDEX ix_article_events_event_id ON article_events (event_id);
CREATE TABLE article_sources (
	id INTEGER NOT NULL, 
	path TEXT NOT NULL, 
	locator TEXT NOT NULL, 
	article_id INTEGER NOT NULL, 
	CONSTRAINT pk_article_sources PRIMARY KEY (id), 
	CONSTRAINT fk_article_sources_article_id_articles FOREIGN KEY(article_id) REFERENCES articles (id), 
	CONSTRAINT uq_article_sources_path_locator UNIQUE (path, locator)
);
CREATE INDEX ix_article_sources_article_id ON article_sources (article_id);
CREATE TABLE speakers (
	id INTEGER NOT NULL, 
	name TEXT NOT NULL, 
	kind TEXT NOT NULL, 
	name_key TEXT NOT NULL, 
	article_id INTEGER, resolution TEXT, quote_count INTEGER DEFAULT '0' NOT NULL, article_count INTEGER DEFAULT '0' NOT NULL, 
	CONSTRAINT pk_speakers PRIMARY KEY (id), 
	CONSTRAINT ck_speakers_kind CHECK (kind IN ('person', 'group', 'organization', 'unnamed')), 
	CONSTRAINT fk_speakers_article_id_articles FOREIGN KEY(article_id) REFERENCES articles (id)
);
CREATE INDEX ix_speakers_article_id ON speakers (article_id);
CREATE INDEX ix_speakers_name_key ON speakers (name_key);
CREATE TABLE roles (
	id INTEGER NOT NULL, 
	speaker_id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	title TEXT, 
	organization TEXT, 
	place TEXT, 
	CONSTRAINT pk_roles PRIMARY KEY (id), 
	CONSTRAINT fk_roles_article_id_articles FOREIGN KEY(article_id) REFERENCES articles (id), 
	CONSTRAINT fk_roles_speaker_id_speakers FOREIGN KEY(speaker_id) REFERENCES speakers (id)
);
CREATE INDEX ix_roles_article_id ON roles (article_id);
CREATE INDEX ix_roles_speaker_id ON roles (speaker_id);
CREATE TABLE quotations (
	id INTEGER NOT NULL, 
	quote_key TEXT NOT NULL, 
	text TEXT NOT NULL, 
	occurrences INTEGER NOT NULL, 
	speaker_count INTEGER NOT NULL, 
	speakers TEXT, 
	first_published TEXT, 
	last_published TEXT, 
	CONSTRAINT pk_quotations PRIMARY KEY (id), 
	CONSTRAINT uq_quotations_quote_key UNIQUE (quote_key)
);
CREATE INDEX ix_quotations_occurrences ON quotations (occurrences);
CREATE INDEX ix_quotations_speaker_count ON quotations (speaker_count);
CREATE TABLE speaker_aliases (
	id INTEGER NOT NULL, 
	speaker_id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	alias TEXT NOT NULL, 
	CONSTRAINT pk_speaker_aliases PRIMARY KEY (id), 
	CONSTRAINT fk_speaker_aliases_article_id_articles FOREIGN KEY(article_id) REFERENCES articles (id), 
	CONSTRAINT fk_speaker_aliases_speaker_id_speakers FOREIGN KEY(speaker_id) REFERENCES speakers (id), 
	CONSTRAINT uq_speaker_aliases_speaker_id_article_id_alias UNIQUE (speaker_id, article_id, alias)
);
CREATE INDEX ix_speaker_aliases_article_id ON speaker_aliases (article_id);
CREATE INDEX ix_speaker_aliases_speaker_id ON speaker_aliases (speaker_id);
CREATE TABLE "quotes" (
	id INTEGER NOT NULL, 
	article_id INTEGER NOT NULL, 
	speaker_id INTEGER, 
	role_id INTEGER, 
	event_id INTEGER, 
	text TEXT NOT NULL, 
	kind TEXT NOT NULL, 
	start INTEGER NOT NULL, 
	"end" INTEGER NOT NULL, 
	paragraph INTEGER, 
	cue TEXT, 
	speaker_mention TEXT, 
	mention_start INTEGER, 
	mention_end INTEGER, 
	confidence FLOAT, 
	rule TEXT, 
	speaker_name TEXT, 
	quotation_id INTEGER, published TEXT, speaker TEXT, speaker_kind TEXT, role TEXT, organization TEXT, event TEXT, article_title TEXT, source TEXT, url TEXT, surname_only BOOLEAN DEFAULT 0 NOT NULL, 
	CONSTRAINT pk_quotes PRIMARY KEY (id), 
	CONSTRAINT fk_quotes_speaker_id_speakers FOREIGN KEY(speaker_id) REFERENCES speakers (id), 
	CONSTRAINT fk_quotes_article_id_articles FOREIGN KEY(article_id) REFERENCES articles (id), 
	CONSTRAINT ck_quotes_kind CHECK (kind IN ('direct', 'mixed', 'indirect')), 
	CONSTRAINT ck_quotes_span CHECK (start >= 0 AND start < "end"), 
	CONSTRAINT fk_quotes_role_id_roles FOREIGN KEY(role_id) REFERENCES roles (id), 
	CONSTRAINT fk_quotes_event_id_events FOREIGN KEY(event_id) REFERENCES events (id), 
	CONSTRAINT fk_quotes_quotation_id_quotations FOREIGN KEY(quotation_id) REFERENCES quotations (id)
);
CREATE INDEX ix_quotes_role_id ON quotes (role_id);
CREATE INDEX ix_quotes_event_id ON quotes (event_id);
CREATE INDEX ix_quotes_article_id_start ON quotes (article_id, start);
CREATE VIRTUAL TABLE "quotes_fts" USING FTS5 (
    "text",
    content="quotes"
);
CREATE TRIGGER "quotes_ai" AFTER INSERT ON "quotes" BEGIN
  INSERT INTO "quotes_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "quotes_ad" AFTER DELETE ON "quotes" BEGIN
  INSERT INTO "quotes_fts" ("quotes_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE TRIGGER "quotes_au" AFTER UPDATE OF "text" ON "quotes" BEGIN
  INSERT INTO "quotes_fts" ("quotes_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "quotes_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE VIRTUAL TABLE "quotations_fts" USING FTS5 (
    "text",
    content="quotations"
);
CREATE TRIGGER "quotations_ai" AFTER INSERT ON "quotations" BEGIN
  INSERT INTO "quotations_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE TRIGGER "quotations_ad" AFTER DELETE ON "quotations" BEGIN
  INSERT INTO "quotations_fts" ("quotations_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
END;
CREATE INDEX ix_speakers_quote_count ON speakers (quote_count);
CREATE INDEX ix_quotes_speaker_id_article_id ON quotes (speaker_id, article_id);
CREATE VIEW role_history AS
SELECT
    roles.id AS id,
    roles.speaker_id AS speaker_id,
    speakers.name AS speaker,
    articles.published AS published,
    roles.title AS title,
    roles.organization AS organization,
    roles.place AS place,
    roles.article_id AS article_id,
    articles.title AS article_title,
    articles.source AS source
FROM roles
JOIN speakers ON speakers.id = roles.speaker_id
JOIN articles ON articles.id = roles.article_id;
CREATE TRIGGER quotes_count_ai AFTER INSERT ON quotes WHEN new.speaker_id IS NOT NULL BEGIN
    update speakers set
        quote_count = quote_count + 1,
        article_count = article_count + not exists (
            select 1 from quotes where speaker_id = new.speaker_id
            and article_id = new.article_id and id != new.id)
    where id = new.speaker_id;
END;
CREATE TRIGGER quotes_count_ad AFTER DELETE ON quotes WHEN old.speaker_id IS NOT NULL BEGIN
    update speakers set
        quote_count = quote_count - 1,
        article_count = article_count - not exists (
            select 1 from quotes where speaker_id = old.speaker_id
            and article_id = old.article_id and id != old.id)
    where id = old.speaker_id;
END;
CREATE TRIGGER quotes_count_au AFTER UPDATE OF speaker_id, article_id ON quotes BEGIN
    update speakers set
        quote_count = quote_count - 1,
        article_count = article_count - not exists (
            select 1 from quotes where speaker_id = old.speaker_id
            and article_id = old.article_id and id != old.id)
    where id = old.speaker_id;
    update speakers set
        quote_count = quote_count + 1,
        article_count = article_count + not exists (
            select 1 from quotes where speaker_id = new.speaker_id
            and article_id = new.article_id and id != new.id)
    where id = new.speaker_id;
END;
CREATE INDEX ix_quotes_published ON quotes (published);
CREATE TRIGGER quotes_published_ai AFTER INSERT ON quotes WHEN new.published IS NOT (SELECT published FROM articles WHERE id = new.article_id) BEGIN UPDATE quotes SET published = (SELECT published FROM articles WHERE id = new.article_id) WHERE id = new.id; END;
CREATE TRIGGER quotes_published_au AFTER UPDATE OF article_id, published ON quotes WHEN new.published IS NOT (SELECT published FROM articles WHERE id = new.article_id) BEGIN UPDATE quotes SET published = (SELECT published FROM articles WHERE id = new.article_id) WHERE id = new.id; END;
CREATE TRIGGER "quotations_au" AFTER UPDATE OF "text" ON "quotations" BEGIN
  INSERT INTO "quotations_fts" ("quotations_fts", rowid, "text") VALUES('delete', old.rowid, old."text");
  INSERT INTO "quotations_fts" (rowid, "text") VALUES (new.rowid, new."text");
END;
CREATE INDEX ix_quotes_speaker_id_published ON quotes (speaker_id, published);
CREATE VIRTUAL TABLE "speakers_fts" USING FTS5 (
    "name",
    content="speakers"
);
CREATE TRIGGER "speakers_ai" AFTER INSERT ON "speakers" BEGIN
  INSERT INTO "speakers_fts" (rowid, "name") VALUES (new.rowid, new."name");
END;
CREATE TRIGGER "speakers_ad" AFTER DELETE ON "speakers" BEGIN
  INSERT INTO "speakers_fts" ("speakers_fts", rowid, "name") VALUES('delete', old.rowid, old."name");
END;
CREATE TRIGGER "speakers_au" AFTER UPDATE OF "name" ON "speakers" BEGIN
  INSERT INTO "speakers_fts" ("speakers_fts", rowid, "name") VALUES('delete', old.rowid, old."name");
  INSERT INTO "speakers_fts" (rowid, "name") VALUES (new.rowid, new."name");
END;
CREATE TRIGGER quotes_names_au AFTER UPDATE OF speaker_id, role_id, event_id, article_id ON quotes BEGIN UPDATE quotes SET 
    speaker = (SELECT name FROM speakers WHERE id = new.speaker_id),
    speaker_kind = (SELECT kind FROM speakers WHERE id = new.speaker_id),
    role = (SELECT title FROM roles WHERE id = new.role_id),
    organization = (SELECT organization FROM roles WHERE id = new.role_id),
    event = (SELECT name FROM events WHERE id = new.event_id),
    article_title = (SELECT title FROM articles WHERE id = new.article_id),
    source = (SELECT source FROM articles WHERE id = new.article_id),
    url = (SELECT url FROM articles WHERE id = new.article_id) WHERE id = new.id; END;
CREATE TRIGGER speakers_quote_names_au AFTER UPDATE OF name, kind ON speakers BEGIN UPDATE quotes SET speaker = new.name, speaker_kind = new.kind WHERE speaker_id = new.id; END;
CREATE TRIGGER speakers_quote_names_ad AFTER DELETE ON speakers BEGIN UPDATE quotes SET speaker = NULL, speaker_kind = NULL WHERE speaker_id = old.id; END;
CREATE TRIGGER roles_quote_names_au AFTER UPDATE OF title, organization ON roles BEGIN UPDATE quotes SET role = new.title, organization = new.organization WHERE role_id = new.id; END;
CREATE TRIGGER roles_quote_names_ad AFTER DELETE ON roles BEGIN UPDATE quotes SET role = NULL, organization = NULL WHERE role_id = old.id; END;
CREATE TRIGGER events_quote_names_au AFTER UPDATE OF name ON events BEGIN UPDATE quotes SET event = new.name WHERE event_id = new.id; END;
CREATE TRIGGER events_quote_names_ad AFTER DELETE ON events BEGIN UPDATE quotes SET event = NULL WHERE event_id = old.id; END;
CREATE TRIGGER articles_quote_names_au AFTER UPDATE OF title, source, url ON articles BEGIN UPDATE quotes SET article_title = new.title, source = new.source, url = new.url WHERE article_id = new.id; END;
CREATE TRIGGER articles_quote_names_ad AFTER DELETE ON articles BEGIN UPDATE quotes SET article_title = NULL, source = NULL, url = NULL WHERE article_id = old.id; END;
CREATE INDEX ix_quotes_kind ON quotes (kind);
CREATE INDEX ix_quotes_speaker ON quotes (speaker);
CREATE INDEX ix_quotes_event ON quotes (event);
CREATE INDEX ix_quotes_source ON quotes (source);
CREATE TABLE quote_facets (
	facet TEXT NOT NULL, 
	value TEXT NOT NULL, 
	count INTEGER NOT NULL, 
	CONSTRAINT pk_quote_facets PRIMARY KEY (facet, value)
);
CREATE INDEX ix_quote_facets_facet_count ON quote_facets (facet, count);
CREATE INDEX ix_speakers_name_nocase ON speakers (name COLLATE NOCASE);
CREATE VIEW quotes_view AS
SELECT
    quotes.id AS id,
    quotes.text AS text,
    quotes.kind AS kind,
    quotes.speaker AS speaker,
    quotes.speaker_id AS speaker_id,
    quotes.speaker_kind AS speaker_kind,
    quotes.role AS role,
    quotes.organization AS organization,
    quotes.event AS event,
    quotes.event_id AS event_id,
    quotes.article_title AS article_title,
    quotes.published AS published,
    quotes.source AS source,
    quotes.url AS url,
    quotes.article_id AS article_id,
    quotes.start AS start,
    quotes."end" AS "end",
    quotes.paragraph AS paragraph,
    quotes.cue AS cue,
    quotes.confidence AS confidence,
    quotes.rule AS rule,
    quotes.speaker_name AS speaker_name,
    quotes.quotation_id AS quotation_id
FROM quotes;
CREATE TRIGGER quotes_names_ai AFTER INSERT ON quotes WHEN new.speaker IS NOT (SELECT name FROM speakers WHERE id = new.speaker_id) OR new.speaker_kind IS NOT (SELECT kind FROM speakers WHERE id = new.speaker_id) OR new.role IS NOT (SELECT title FROM roles WHERE id = new.role_id) OR new.organization IS NOT (SELECT organization FROM roles WHERE id = new.role_id) OR new.event IS NOT (SELECT name FROM events WHERE id = new.event_id) OR new.article_title IS NOT (SELECT title FROM articles WHERE id = new.article_id) OR new.source IS NOT (SELECT source FROM articles WHERE id = new.article_id) OR new.url IS NOT (SELECT url FROM articles WHERE id = new.article_id) BEGIN UPDATE quotes SET 
    speaker = (SELECT name FROM speakers WHERE id = new.speaker_id),
    speaker_kind = (SELECT kind FROM speakers WHERE id = new.speaker_id),
    role = (SELECT title FROM roles WHERE id = new.role_id),
    organization = (SELECT organization FROM roles WHERE id = new.role_id),
    event = (SELECT name FROM events WHERE id = new.event_id),
    article_title = (SELECT title FROM articles WHERE id = new.article_id),
    source = (SELECT source FROM articles WHERE id = new.article_id),
    url = (SELECT url FROM articles WHERE id = new.article_id) WHERE id = new.id; END;
CREATE TRIGGER quotes_facets_ai AFTER INSERT ON quotes BEGIN INSERT INTO quote_facets (facet, value, count) SELECT 'kind', new.kind, 1 WHERE new.kind IS NOT NULL ON CONFLICT (facet, value) DO UPDATE SET count = count + 1; INSERT INTO quote_facets (facet, value, count) SELECT 'speaker', new.speaker, 1 WHERE new.speaker IS NOT NULL ON CONFLICT (facet, value) DO UPDATE SET count = count + 1; INSERT INTO quote_facets (facet, value, count) SELECT 'event', new.event, 1 WHERE new.event IS NOT NULL ON CONFLICT (facet, value) DO UPDATE SET count = count + 1; INSERT INTO quote_facets (facet, value, count) SELECT 'source', new.source, 1 WHERE new.source IS NOT NULL ON CONFLICT (facet, value) DO UPDATE SET count = count + 1; END;
CREATE TRIGGER quotes_facets_ad AFTER DELETE ON quotes BEGIN UPDATE quote_facets SET count = count - 1 WHERE facet = 'kind' AND value = old.kind; UPDATE quote_facets SET count = count - 1 WHERE facet = 'speaker' AND value = old.speaker; UPDATE quote_facets SET count = count - 1 WHERE facet = 'event' AND value = old.event; UPDATE quote_facets SET count = count - 1 WHERE facet = 'source' AND value = old.source; END;
CREATE TRIGGER quotes_facets_au AFTER UPDATE OF kind, speaker, event, source ON quotes BEGIN UPDATE quote_facets SET count = count - 1 WHERE facet = 'kind' AND value = old.kind AND old.kind IS NOT new.kind; INSERT INTO quote_facets (facet, value, count) SELECT 'kind', new.kind, 1 WHERE new.kind IS NOT NULL AND old.kind IS NOT new.kind ON CONFLICT (facet, value) DO UPDATE SET count = count + 1; UPDATE quote_facets SET count = count - 1 WHERE facet = 'speaker' AND value = old.speaker AND old.speaker IS NOT new.speaker; INSERT INTO quote_facets (facet, value, count) SELECT 'speaker', new.speaker, 1 WHERE new.speaker IS NOT NULL AND old.speaker IS NOT new.speaker ON CONFLICT (facet, value) DO UPDATE SET count = count + 1; UPDATE quote_facets SET count = count - 1 WHERE facet = 'event' AND value = old.event AND old.event IS NOT new.event; INSERT INTO quote_facets (facet, value, count) SELECT 'event', new.event, 1 WHERE new.event IS NOT NULL AND old.event IS NOT new.event ON CONFLICT (facet, value) DO UPDATE SET count = count + 1; UPDATE quote_facets SET count = count - 1 WHERE facet = 'source' AND value = old.source AND old.source IS NOT new.source; INSERT INTO quote_facets (facet, value, count) SELECT 'source', new.source, 1 WHERE new.source IS NOT NULL AND old.source IS NOT new.source ON CONFLICT (facet, value) DO UPDATE SET count = count + 1; END;
CREATE TABLE quotation_windows (
	window INTEGER NOT NULL, 
	quotation_id INTEGER NOT NULL, 
	CONSTRAINT pk_quotation_windows PRIMARY KEY (window, quotation_id)
)
 WITHOUT ROWID

;
CREATE TABLE settle_state (
	name TEXT NOT NULL, 
	value INTEGER NOT NULL, 
	CONSTRAINT pk_settle_state PRIMARY KEY (name)
);
CREATE INDEX ix_quotes_speaker_id_surname_only ON quotes (speaker_id, surname_only);
CREATE INDEX ix_quotes_quotation_id_speaker_id ON quotes (quotation_id, speaker_id);
INSERT INTO "alembic_version" VALUES ('0011');
INSERT INTO "settle_state" VALUES ('windowed_through', 0);
