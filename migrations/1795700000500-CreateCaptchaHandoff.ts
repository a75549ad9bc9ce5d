import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCaptchaHandoff1795700000500 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // The latest captcha a court showed, waiting for a person to read it.
    await q.query(`
      CREATE TABLE captcha_challenges (
        court_code     text PRIMARY KEY REFERENCES courts(code),
        region         text NOT NULL,
        image_data_url text,
        captcha_id     text,
        page_id        bigint REFERENCES pages(id),
        seen_at        timestamptz NOT NULL DEFAULT now()
      )`);
    // A solved code, reused for every court of its region while the sites accept it.
    await q.query(`
      CREATE TABLE captcha_solutions (
        region     text PRIMARY KEY,
        code       text NOT NULL,
        captcha_id text NOT NULL,
        solved_at  timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE captcha_solutions`);
    await q.query(`DROP TABLE captcha_challenges`);
  }
}
