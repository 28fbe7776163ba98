import { type Kysely, sql } from 'kysely';

// Frozen in time: no app imports. One statement per entry (PGlite runs one statement per query).
const rollupKey = 'helpline_id, year, month, kind, channel, who_id, age_group_id, gender_id, country, body_type_id, follow_up';
const themeRollupKey = 'helpline_id, year, month, kind, theme_id, subtheme_id';

const statements = [
  `CREATE TABLE helplines (
    id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]{2,60}$'),
    name jsonb NOT NULL,
    time_zone text NOT NULL DEFAULT 'Europe/Oslo',
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE helpline_channels (
    helpline_id text NOT NULL REFERENCES helplines(id) ON DELETE CASCADE,
    channel text NOT NULL,
    opening_hours jsonb NOT NULL DEFAULT '[]'::jsonb,
    sort_order integer NOT NULL DEFAULT 0,
    PRIMARY KEY (helpline_id, channel)
  )`,
  `CREATE TABLE user_helplines (
    user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    helpline_id text NOT NULL REFERENCES helplines(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, helpline_id)
  )`,
  `CREATE TABLE taxonomy_categories (
    id serial PRIMARY KEY,
    helpline_id text NOT NULL REFERENCES helplines(id) ON DELETE CASCADE,
    dimension text NOT NULL CHECK (dimension IN ('theme','subtheme','who','age_group','gender','body_type')),
    code text NOT NULL,
    parent_id integer REFERENCES taxonomy_categories(id),
    sort_order integer NOT NULL DEFAULT 0,
    min_age integer,
    max_age integer,
    UNIQUE (helpline_id, dimension, code)
  )`,
  // Labels are versioned: a rename or retirement adds a row, so an old year reports under the
  // labels that were valid then.
  `CREATE TABLE taxonomy_labels (
    category_id integer NOT NULL REFERENCES taxonomy_categories(id) ON DELETE CASCADE,
    valid_from date NOT NULL,
    label jsonb NOT NULL,
    retired boolean NOT NULL DEFAULT false,
    PRIMARY KEY (category_id, valid_from)
  )`,
  `CREATE TABLE import_batches (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    helpline_id text NOT NULL REFERENCES helplines(id),
    file_name text NOT NULL,
    row_count integer NOT NULL,
    imported_by uuid REFERENCES users(id) ON DELETE SET NULL,
    imported_at timestamptz NOT NULL DEFAULT now()
  )`,
  `CREATE TABLE contacts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    helpline_id text NOT NULL REFERENCES helplines(id),
    channel text NOT NULL CHECK (channel IN ('telephone','chat','email','whatsapp','walk_in','voicemail')),
    kind text NOT NULL CHECK (kind IN ('first_contact','repeat_contact','knowledge_request','talk_given')),
    started_at timestamptz NOT NULL,
    local_date date NOT NULL,
    duration_minutes integer CHECK (duration_minutes BETWEEN 0 AND 1440),
    who_id integer REFERENCES taxonomy_categories(id),
    age_group_id integer REFERENCES taxonomy_categories(id),
    age integer CHECK (age BETWEEN 0 AND 120),
    gender_id integer REFERENCES taxonomy_categories(id),
    country text NOT NULL DEFAULT 'not_asked' CHECK (country ~ '^[A-Z]{2}$' OR country IN ('not_stated','not_asked')),
    body_type_id integer REFERENCES taxonomy_categories(id),
    summary text,
    outcomes text[] NOT NULL DEFAULT '{}',
    referred_to_id integer REFERENCES taxonomy_categories(id),
    source text NOT NULL CHECK (source IN ('form','api','import','demo')),
    import_batch_id uuid REFERENCES import_batches(id),
    created_by uuid REFERENCES users(id) ON DELETE SET NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL DEFAULT 1
  )`,
  `CREATE INDEX contacts_helpline_date_idx ON contacts (helpline_id, local_date)`,
  `CREATE INDEX contacts_created_by_idx ON contacts (created_by, created_at DESC)`,
  // Denormalised helpline/period/kind so the theme rollup never needs the contact row, and a
  // contact counts once under each theme (subthemes are an array on that one row).
  `CREATE TABLE contact_themes (
    contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    theme_id integer NOT NULL REFERENCES taxonomy_categories(id),
    subtheme_ids integer[] NOT NULL DEFAULT '{}',
    helpline_id text NOT NULL,
    local_date date NOT NULL,
    kind text NOT NULL,
    PRIMARY KEY (contact_id, theme_id)
  )`,
  `CREATE TABLE contact_revisions (
    id bigserial PRIMARY KEY,
    contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
    version integer NOT NULL,
    changed_by uuid REFERENCES users(id) ON DELETE SET NULL,
    changed_at timestamptz NOT NULL DEFAULT now(),
    before jsonb NOT NULL
  )`,
  `CREATE INDEX contact_revisions_contact_idx ON contact_revisions (contact_id, version)`,
  // Pre-aggregated counts kept by statement-level triggers, so an annual report reads a few
  // thousand rows instead of every contact (bench/report shows why).
  `CREATE TABLE contact_rollup (
    helpline_id text NOT NULL, year integer NOT NULL, month integer NOT NULL, kind text NOT NULL,
    channel text NOT NULL, who_id integer, age_group_id integer, gender_id integer,
    country text NOT NULL, body_type_id integer, follow_up boolean NOT NULL,
    n integer NOT NULL
  )`,
  `CREATE UNIQUE INDEX contact_rollup_key ON contact_rollup (${rollupKey}) NULLS NOT DISTINCT`,
  `CREATE TABLE contact_theme_rollup (
    helpline_id text NOT NULL, year integer NOT NULL, month integer NOT NULL, kind text NOT NULL,
    theme_id integer NOT NULL, subtheme_id integer, n integer NOT NULL
  )`,
  `CREATE UNIQUE INDEX contact_theme_rollup_key ON contact_theme_rollup (${themeRollupKey}) NULLS NOT DISTINCT`,
  `CREATE FUNCTION contact_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE','DELETE') THEN
      INSERT INTO contact_rollup AS r (${rollupKey}, n)
      SELECT helpline_id, extract(year FROM local_date)::int, extract(month FROM local_date)::int, kind,
             channel, who_id, age_group_id, gender_id, country, body_type_id, 'follow_up_case' = ANY(outcomes), -count(*)::int
      FROM old_rows GROUP BY 1,2,3,4,5,6,7,8,9,10,11 ORDER BY 1,2,3,4,5,6,7,8,9,10,11
      ON CONFLICT (${rollupKey}) DO UPDATE SET n = r.n + EXCLUDED.n;
    END IF;
    IF TG_OP IN ('UPDATE','INSERT') THEN
      INSERT INTO contact_rollup AS r (${rollupKey}, n)
      SELECT helpline_id, extract(year FROM local_date)::int, extract(month FROM local_date)::int, kind,
             channel, who_id, age_group_id, gender_id, country, body_type_id, 'follow_up_case' = ANY(outcomes), count(*)::int
      FROM new_rows GROUP BY 1,2,3,4,5,6,7,8,9,10,11 ORDER BY 1,2,3,4,5,6,7,8,9,10,11
      ON CONFLICT (${rollupKey}) DO UPDATE SET n = r.n + EXCLUDED.n;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER contact_rollup_ins AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_rollup_apply()`,
  `CREATE TRIGGER contact_rollup_upd AFTER UPDATE ON contacts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_rollup_apply()`,
  `CREATE TRIGGER contact_rollup_del AFTER DELETE ON contacts REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_rollup_apply()`,
  // One row per theme (subtheme_id NULL: the theme itself) and one per subtheme.
  `CREATE FUNCTION contact_theme_rollup_apply() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF TG_OP IN ('UPDATE','DELETE') THEN
      INSERT INTO contact_theme_rollup AS r (${themeRollupKey}, n)
      SELECT helpline_id, y, m, kind, theme_id, sub, -count(*)::int FROM (
        SELECT helpline_id, extract(year FROM local_date)::int y, extract(month FROM local_date)::int m, kind, theme_id, s.sub
        FROM old_rows, LATERAL unnest(array_prepend(NULL::int, subtheme_ids)) AS s(sub)) t
      GROUP BY 1,2,3,4,5,6 ORDER BY 1,2,3,4,5,6
      ON CONFLICT (${themeRollupKey}) DO UPDATE SET n = r.n + EXCLUDED.n;
    END IF;
    IF TG_OP IN ('UPDATE','INSERT') THEN
      INSERT INTO contact_theme_rollup AS r (${themeRollupKey}, n)
      SELECT helpline_id, y, m, kind, theme_id, sub, count(*)::int FROM (
        SELECT helpline_id, extract(year FROM local_date)::int y, extract(month FROM local_date)::int m, kind, theme_id, s.sub
        FROM new_rows, LATERAL unnest(array_prepend(NULL::int, subtheme_ids)) AS s(sub)) t
      GROUP BY 1,2,3,4,5,6 ORDER BY 1,2,3,4,5,6
      ON CONFLICT (${themeRollupKey}) DO UPDATE SET n = r.n + EXCLUDED.n;
    END IF;
    RETURN NULL;
  END $$`,
  `CREATE TRIGGER contact_theme_rollup_ins AFTER INSERT ON contact_themes REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_theme_rollup_apply()`,
  `CREATE TRIGGER contact_theme_rollup_upd AFTER UPDATE ON contact_themes REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_theme_rollup_apply()`,
  `CREATE TRIGGER contact_theme_rollup_del AFTER DELETE ON contact_themes REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION contact_theme_rollup_apply()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['contact_theme_rollup', 'contact_rollup', 'contact_revisions', 'contact_themes', 'contacts', 'import_batches', 'taxonomy_labels', 'taxonomy_categories', 'user_helplines', 'helpline_channels', 'helplines']) {
    await sql.raw(`DROP TABLE ${t} CASCADE`).execute(db);
  }
  await sql.raw('DROP FUNCTION contact_rollup_apply(); DROP FUNCTION contact_theme_rollup_apply()').execute(db);
}
