// The figures the field quotes, as checkable claims (shared/data/figures/published_figures.csv and
// research/court-sites.md §3). Only figures a weekly series can express are here: counts of Art. 337
// cases received / decided / with a verdict over a dated period. Seeded on start-up by slug.

export type ExpectedUnit = 'per-week' | 'per-month' | 'period-total' | 'ratio' | 'share';

export interface SeedClaim {
  slug: string;
  statement: string;
  sourceName: string;
  sourceUrl: string;
  /** Left out when only the month or year is known. */
  publishedOn?: string;
  series: 'received' | 'decided' | 'convicted';
  article: string;
  /** '*' = the article as a whole. */
  part: string;
  periodFrom: string;
  periodTo: string;
  expectedUnit: ExpectedUnit;
  expected: number;
  tolerance: number;
  baselineFrom?: string;
  baselineTo?: string;
  needs?: 'act-texts';
  note?: string;
}

const MEDIAZONA_2023_07_19 = 'https://en.zona.media/article/2023/07/19/337';
const MEDUZA_RELAY = 'https://globalmjreform.blogspot.com/2023/05/russias-awol-caseload.html';
const MOBILISATION = '2022-09-21';

const claim = (c: Omit<SeedClaim, 'article' | 'part' | 'tolerance'> & Partial<SeedClaim>): SeedClaim => ({
  article: '337',
  part: '*',
  tolerance: 0.2,
  ...c,
});

export const SEED_CLAIMS: readonly SeedClaim[] = [
  claim({
    slug: 'mediazona-100-verdicts-per-week-june-2023',
    statement: 'By June 2023 military courts were handing down about 100 sentences a week under Art. 337.',
    sourceName: 'Mediazona', sourceUrl: MEDIAZONA_2023_07_19, publishedOn: '2023-07-19',
    series: 'convicted', periodFrom: '2023-06-01', periodTo: '2023-06-30', expectedUnit: 'per-week', expected: 100,
    note: "RU: «К июню военные суды в России выносили по 100 приговоров по 337 УК каждую неделю». Sentences are counted by date of decision.",
  }),
  claim({
    slug: 'mediazona-2076-received-h1-2023',
    statement: 'Military courts received 2,076 Art. 337 cases in the first half of 2023.',
    sourceName: 'Mediazona', sourceUrl: MEDIAZONA_2023_07_19, publishedOn: '2023-07-19',
    series: 'received', periodFrom: '2023-01-01', periodTo: '2023-06-30', expectedUnit: 'period-total', expected: 2076,
    note: 'Cases received (по дате поступления) under Art. 337 as a whole, all parts. Often misquoted as "2,076 cases heard under part 5".',
  }),
  claim({
    slug: 'cases-2023-doubled-vs-2022',
    statement: 'The number of Art. 337 cases in 2023 doubled compared to 2022.',
    sourceName: 'Mediazona', sourceUrl: MEDIAZONA_2023_07_19, publishedOn: '2023-07-19',
    series: 'received', periodFrom: '2023-01-01', periodTo: '2023-12-31', expectedUnit: 'ratio', expected: 2,
    baselineFrom: '2022-01-01', baselineTo: '2022-12-31',
    note: "Mediazona: H1 2023's 2,076 received cases are twice all of 2022 and three times 2021. Checked as 2023's weekly rate over 2022's.",
  }),
  claim({
    slug: 'mediazona-suspended-majority',
    statement: 'In slightly more than half of the AWOL cases the sentences are suspended.',
    sourceName: 'Mediazona', sourceUrl: MEDIAZONA_2023_07_19, publishedOn: '2023-07-19',
    series: 'convicted', periodFrom: MOBILISATION, periodTo: '2023-07-19', expectedUnit: 'share', expected: 0.55, tolerance: 0.1,
    needs: 'act-texts',
    note: 'A share of sentences, read from published sentence texts (Mediazona read 330). Needs the sentence of each verdict, not weekly counts.',
  }),
  claim({
    slug: 'rtvi-343-received-feb-aug-2022',
    statement: 'Garrison courts received 343 Art. 337 cases from February to August 2022.',
    sourceName: 'RTVI (own count of garrison court sites)',
    sourceUrl: 'https://rtvi.com/news/v-rossii-posle-nachala-vooruzhennogo-konflikta-na-ukraine-voennyh-stali-chashhe-sudit-za-samovolku',
    series: 'received', periodFrom: '2022-02-01', periodTo: '2022-08-31', expectedUnit: 'period-total', expected: 343,
    note: 'Published in 2022. Same period of 2021: 227 (rtvi-227-received-feb-aug-2021).',
  }),
  claim({
    slug: 'rtvi-227-received-feb-aug-2021',
    statement: 'Garrison courts received 227 Art. 337 cases from February to August 2021.',
    sourceName: 'RTVI (own count of garrison court sites)',
    sourceUrl: 'https://rtvi.com/news/v-rossii-posle-nachala-vooruzhennogo-konflikta-na-ukraine-voennyh-stali-chashhe-sudit-za-samovolku',
    series: 'received', periodFrom: '2021-02-01', periodTo: '2021-08-31', expectedUnit: 'period-total', expected: 227,
  }),
  claim({
    slug: 'mediazona-1001-heard-2022',
    statement: 'Military courts heard 1,001 Art. 337 cases in 2022.',
    sourceName: 'Mediazona (via Meduza)', sourceUrl: MEDUZA_RELAY,
    series: 'decided', periodFrom: '2022-01-01', periodTo: '2022-12-31', expectedUnit: 'period-total', expected: 1001,
  }),
  claim({
    slug: 'mediazona-1053-heard-jan-apr-2023',
    statement: 'Military courts heard 1,053 Art. 337 cases from January to April 2023.',
    sourceName: 'Mediazona (via Meduza)', sourceUrl: MEDUZA_RELAY,
    series: 'decided', periodFrom: '2023-01-01', periodTo: '2023-04-30', expectedUnit: 'period-total', expected: 1053,
  }),
  claim({
    slug: 'mediazona-4121-received-since-mobilisation',
    statement: 'Military courts received 4,121 Art. 337 cases from the start of mobilisation to 21 November 2023.',
    sourceName: 'Mediazona', sourceUrl: 'https://en.connection-ev.org/view.php?s=Desertion&s1=&sa=8', publishedOn: '2023-11-24',
    series: 'received', periodFrom: MOBILISATION, periodTo: '2023-11-21', expectedUnit: 'period-total', expected: 4121,
  }),
  claim({
    slug: 'mediazona-457-verdicts-aug-2023',
    statement: 'Military courts handed down 457 Art. 337 verdicts in August 2023, the peak month.',
    sourceName: 'Mediazona', sourceUrl: 'https://en.connection-ev.org/view.php?s=Desertion&s1=&sa=8', publishedOn: '2023-11-24',
    series: 'convicted', periodFrom: '2023-08-01', periodTo: '2023-08-31', expectedUnit: 'period-total', expected: 457,
  }),
  claim({
    slug: 'mediazona-100-verdicts-per-week-since-june-2023',
    statement: 'Since June 2023 military courts have handed down about 100 Art. 337 verdicts a week.',
    sourceName: 'Mediazona', sourceUrl: 'https://en.connection-ev.org/view.php?s=Desertion&s1=&sa=8', publishedOn: '2023-11-24',
    series: 'convicted', periodFrom: '2023-06-01', periodTo: '2023-11-21', expectedUnit: 'per-week', expected: 100,
  }),
  claim({
    slug: 'mediazona-684-sentences-mar-2024',
    statement: 'Military courts handed down 684 Art. 337 sentences in March 2024 (34 per working day).',
    sourceName: 'Mediazona (via Barents Observer)', sourceUrl: 'https://thebarentsobserver.com/cn/node/12733', publishedOn: '2024-04-12',
    series: 'convicted', periodFrom: '2024-03-01', periodTo: '2024-03-31', expectedUnit: 'period-total', expected: 684,
  }),
  claim({
    slug: 'mediazona-7400-received-since-mobilisation-apr-2024',
    statement: 'About 7,400 AWOL cases have reached military courts since mobilisation (April 2024).',
    sourceName: 'Mediazona (via Barents Observer)', sourceUrl: 'https://thebarentsobserver.com/cn/node/12733', publishedOn: '2024-04-12',
    series: 'received', periodFrom: MOBILISATION, periodTo: '2024-04-11', expectedUnit: 'period-total', expected: 7400,
  }),
  claim({
    slug: 'mediazona-9059-received-since-mobilisation-jun-2024',
    statement: 'Military courts received 9,059 Art. 337 cases from mobilisation (September 2022) to mid-June 2024.',
    sourceName: 'Mediazona (via Ukrainska Pravda)', sourceUrl: 'https://www.pravda.com.ua/eng/news/2024/06/18/7461452/',
    publishedOn: '2024-06-18', series: 'received', periodFrom: MOBILISATION, periodTo: '2024-06-17', expectedUnit: 'period-total', expected: 9059,
    note: 'End of period approximate ("mid-June 2024").',
  }),
  claim({
    slug: 'mediazona-844-received-may-2024',
    statement: 'Military courts received 844 Art. 337 cases in May 2024.',
    sourceName: 'Mediazona (via Ukrainska Pravda)', sourceUrl: 'https://www.pravda.com.ua/eng/news/2024/06/18/7461452/',
    publishedOn: '2024-06-18', series: 'received', periodFrom: '2024-05-01', periodTo: '2024-05-31', expectedUnit: 'period-total', expected: 844,
  }),
  claim({
    slug: 'mediazona-848-verdicts-apr-2025',
    statement: 'Military courts handed down 848 Art. 337 verdicts in April 2025 (38 per working day).',
    sourceName: 'Mediazona (via bb.lv)',
    sourceUrl: 'https://bb.lv/statja/chp-i-kriminal/2025/06/29/voennye-deistviia-v-ukraine-priveli-k-osuzdeniiu-desiatkov-tysiac-grazdan-rf',
    publishedOn: '2025-06-29', series: 'convicted', periodFrom: '2025-04-01', periodTo: '2025-04-30', expectedUnit: 'period-total', expected: 848,
  }),
  claim({
    slug: 'mediazona-18159-received-since-feb-2022',
    statement: 'Military courts received 18,159 Art. 337 cases from February 2022 to June 2025.',
    sourceName: 'Mediazona (via bb.lv)',
    sourceUrl: 'https://bb.lv/statja/chp-i-kriminal/2025/06/29/voennye-deistviia-v-ukraine-priveli-k-osuzdeniiu-desiatkov-tysiac-grazdan-rf',
    publishedOn: '2025-06-29', series: 'received', periodFrom: '2022-02-24', periodTo: '2025-06-29', expectedUnit: 'period-total', expected: 18159,
    note: 'Period boundaries approximate ("since February 2022", data as of April–June 2025).',
  }),
  claim({
    slug: 'judicial-department-900-considered-2021',
    statement: 'About 900 Art. 337 cases were considered in 2021.',
    sourceName: 'Judicial Department at the Supreme Court (via Vedomosti)',
    sourceUrl: 'https://www.vedomosti.ru/society/articles/2025/12/09/1161770-v-rossii-poyavitsya', publishedOn: '2025-12-09',
    series: 'decided', periodFrom: '2021-01-01', periodTo: '2021-12-31', expectedUnit: 'period-total', expected: 900,
    note: 'Official statistics; a different source and counting unit than Mediazona.',
  }),
  claim({
    slug: 'judicial-department-2700-considered-2022',
    statement: 'About 2,700 Art. 337 cases were considered in 2022.',
    sourceName: 'Judicial Department at the Supreme Court (via Vedomosti)',
    sourceUrl: 'https://www.vedomosti.ru/society/articles/2025/12/09/1161770-v-rossii-poyavitsya', publishedOn: '2025-12-09',
    series: 'decided', periodFrom: '2022-01-01', periodTo: '2022-12-31', expectedUnit: 'period-total', expected: 2700,
    note: "Official statistics; differs from Mediazona's 1,001 for 2022 (different source and counting unit).",
  }),
];
