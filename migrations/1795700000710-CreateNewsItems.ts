import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNewsItems1795700000710 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Relevant feed items (irrelevant ones are counted on the run, not kept); the article page is in pages.
    await q.query(`
      CREATE TABLE news_items (
        id              bigserial PRIMARY KEY,
        source_id       bigint NOT NULL REFERENCES news_sources(id) ON DELETE CASCADE,
        guid            text NOT NULL,
        url             text,
        title           text NOT NULL,
        published_at    timestamptz,
        feed_text       text NOT NULL DEFAULT '',
        relevance_score integer NOT NULL,
        relevance_terms text[] NOT NULL DEFAULT '{}',
        page_id         bigint REFERENCES pages(id),
        article_status  text NOT NULL DEFAULT 'pending'
                        CHECK (article_status IN ('pending','ok','feed-text','http-error','failed')),
        article_error   text,
        extracted_by    text,
        processed_at    timestamptz,
        first_seen_at   timestamptz NOT NULL DEFAULT now(),
        last_seen_at    timestamptz NOT NULL DEFAULT now(),
        UNIQUE (source_id, guid)
      )`);
    await q.query(`CREATE INDEX news_items_published_idx ON news_items (published_at DESC, id DESC)`);
    // A verdict the text reports: court, articles, sentence, date; position = order in the extraction.
    await q.query(`
      CREATE TABLE news_mentions (
        id           bigserial PRIMARY KEY,
        item_id      bigint NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
        position     integer NOT NULL,
        court_code   text,
        court_name   text,
        articles     jsonb NOT NULL DEFAULT '[]',
        sentence     jsonb,
        mentioned_on date,
        quote        text NOT NULL,
        UNIQUE (item_id, position)
      )`);
    await q.query(`CREATE INDEX news_mentions_court_idx ON news_mentions (court_code, mentioned_on)`);
    // A published figure: a candidate claim until an admin accepts (or rejects) it.
    await q.query(`
      CREATE TABLE news_figures (
        id        bigserial PRIMARY KEY,
        item_id   bigint NOT NULL REFERENCES news_items(id) ON DELETE CASCADE,
        position  integer NOT NULL,
        value     double precision NOT NULL,
        unit      text NOT NULL,
        counts    text,
        period    text,
        quote     text NOT NULL,
        status    text NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate','accepted','rejected')),
        claim_id  bigint REFERENCES claims(id) ON DELETE SET NULL,
        UNIQUE (item_id, position)
      )`);
    // A mention matched to a stored case: court, article and date agree; confidence in [0, 1].
    await q.query(`
      CREATE TABLE news_case_links (
        mention_id    bigint NOT NULL REFERENCES news_mentions(id) ON DELETE CASCADE,
        case_id       bigint NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        confidence    real NOT NULL,
        rank          integer NOT NULL,
        date_gap_days integer NOT NULL,
        reasons       jsonb NOT NULL,
        linked_at     timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (mention_id, case_id)
      )`);
    await q.query(`CREATE INDEX news_case_links_case_idx ON news_case_links (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE news_case_links`);
    await q.query(`DROP TABLE news_figures`);
    await q.query(`DROP TABLE news_mentions`);
    await q.query(`DROP TABLE news_items`);
  }
}
