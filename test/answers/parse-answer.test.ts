import { describe, expect, it } from 'vitest';
import {
  parseCertificates,
  parseEducation,
  parseLevel,
  parseMajor,
  parseProvince,
  parseStudyMode,
  parseWorkPeriods,
  parseYearMonth,
} from '../../src/answers/parse-answer.js';
import { provinces } from '../helpers/fixtures.js';

const value = <T>(parsed: { ok: true; value: T } | { ok: false }) => (parsed.ok ? parsed.value : undefined);

describe('answer parsers (shared by flags and prompts)', () => {
  it.each([
    ['助理', 'assistant'],
    ['初级', 'assistant'],
    ['中级', 'intermediate'],
    ['社会工作师', 'intermediate'],
    ['高级', 'senior'],
    [' Senior ', 'senior'],
  ])('level %s → %s', (raw, expected) => expect(value(parseLevel(raw))).toBe(expected));

  it('rejects unknown values with a problem key', () => {
    expect(parseLevel('专家')).toEqual({ ok: false, problem: { key: 'answer.level', args: { value: '专家' } } });
    expect(parseEducation('初中').ok).toBe(false);
  });

  it('accepts Chinese aliases for education, major and study mode', () => {
    expect(value(parseEducation('大专'))).toBe('associate');
    expect(value(parseMajor('社会工作'))).toBe('social-work');
    expect(value(parseStudyMode('函授'))).toBe('part-time');
    expect(value(parseStudyMode('全日制'))).toBe('full-time');
  });

  it.each([
    ['2019-07', '2019-07'],
    ['2019.7', '2019-07'],
    ['2019/07', '2019-07'],
    ['2019年7月', '2019-07'],
    ['201907', '2019-07'],
  ])('year-month %s → %s', (raw, expected) => expect(value(parseYearMonth(raw))).toBe(expected));

  it.each(['2019-13', '2019', '19-07', 'July 2019', ''])('rejects year-month %j', (raw) =>
    expect(parseYearMonth(raw).ok).toBe(false),
  );

  it('parses work periods, ongoing ones and none', () => {
    expect(value(parseWorkPeriods('2019-07..2021-06, 2022-03..'))).toEqual([
      { start: '2019-07', end: '2021-06' },
      { start: '2022-03' },
    ]);
    expect(value(parseWorkPeriods(['2019-07..2021-06', '2022年3月至今']))).toEqual([
      { start: '2019-07', end: '2021-06' },
      { start: '2022-03' },
    ]);
    expect(value(parseWorkPeriods('无'))).toEqual([]);
    expect(parseWorkPeriods('2021-06..2019-07')).toMatchObject({ ok: false, problem: { key: 'answer.work-order' } });
    expect(parseWorkPeriods('2019-07')).toMatchObject({ ok: false, problem: { key: 'answer.work' } });
  });

  it('parses certificates', () => {
    expect(value(parseCertificates('助理:2019-12'))).toEqual([{ level: 'assistant', obtained: '2019-12' }]);
    expect(value(parseCertificates(['assistant:2019-12', 'intermediate：2022年6月']))).toHaveLength(2);
    expect(value(parseCertificates('none'))).toEqual([]);
    expect(parseCertificates('高级:2020-01').ok).toBe(false);
  });

  it('parses provinces by name, alias and id; HK/Macau/Taiwan only as 户籍', () => {
    expect(value(parseProvince('广东省', provinces, true))).toBe('guangdong');
    expect(value(parseProvince('Inner Mongolia', provinces, true))).toBe('neimenggu');
    expect(value(parseProvince('香港', provinces, false))).toBe('hongkong');
    expect(parseProvince('香港', provinces, true)).toMatchObject({
      ok: false,
      problem: { key: 'answer.province-registers' },
    });
    expect(parseProvince('火星', provinces, true).ok).toBe(false);
  });
});

describe('values as rosters write them', () => {
  it.each([
    ['中级社工', 'intermediate'],
    ['社工师', 'intermediate'],
    ['社会工作师（中级）', 'intermediate'],
    ['助理社工', 'assistant'],
    ['高级社工师', 'senior'],
  ])('level %s → %s', (raw, expected) => expect(value(parseLevel(raw))).toBe(expected));

  it.each([
    ['大学本科', 'bachelor'],
    ['本科学历', 'bachelor'],
    ['大专', 'associate'],
    ['专科', 'associate'],
    ['高职', 'associate'],
    ['大专学历', 'associate'],
    ['硕士研究生', 'master'],
    ['研究生', 'master'],
    ['博士研究生', 'doctor'],
  ])('education %s → %s', (raw, expected) => expect(value(parseEducation(raw))).toBe(expected));

  it.each([
    ['统招', 'full-time'],
    ['普通全日制', 'full-time'],
    ['成人高考', 'part-time'],
    ['自考', 'part-time'],
    ['函授', 'part-time'],
    ['网络教育', 'part-time'],
    ['开放大学', 'part-time'],
  ])('study mode %s → %s', (raw, expected) => expect(value(parseStudyMode(raw))).toBe(expected));

  it('社会工作 and its variants are social work; any other major is "other", with a note naming it', () => {
    for (const raw of ['社会工作', '社工', '社会工作与管理', '社会工作（MSW）'])
      expect(parseMajor(raw)).toEqual({ ok: true, value: 'social-work' });
    expect(parseMajor('行政管理')).toEqual({
      ok: true,
      value: 'other',
      note: { key: 'note.major-other', args: { value: '行政管理' } },
    });
    expect(value(parseMajor('社会学'))).toBe('other');
    // A date in the major column is a mistake, not a major.
    expect(parseMajor('2019-07')).toMatchObject({ ok: false, problem: { key: 'answer.major' } });
  });

  it('maps cities and prefectures to their province, with a note', () => {
    expect(parseProvince('广州', provinces, true)).toEqual({
      ok: true,
      value: 'guangdong',
      note: { key: 'note.province-city', args: { value: '广州', province: '广东' } },
    });
    expect(value(parseProvince('深圳市', provinces, true))).toBe('guangdong');
    expect(value(parseProvince('武汉', provinces, true))).toBe('hubei');
    expect(value(parseProvince('延边朝鲜族自治州', provinces, true))).toBe('jilin');
    expect(value(parseProvince('石河子', provinces, true))).toBe('bingtuan');
    // 朝阳区 is a district of 北京 and 朝阳 a city of 辽宁: districts are not guessed.
    expect(parseProvince('朝阳区', provinces, true).ok).toBe(false);
  });

  it.each([
    ['2019.07-2021.06', [{ start: '2019-07', end: '2021-06' }]],
    ['2019.07-至今', [{ start: '2019-07' }]],
    ['2019/07-2021/06', [{ start: '2019-07', end: '2021-06' }]],
    ['2019年7月-至今', [{ start: '2019-07' }]],
    ['2019.7-2021.6', [{ start: '2019-07', end: '2021-06' }]],
    ['2019-07-2021-06', [{ start: '2019-07', end: '2021-06' }]],
    ['2019.07.01-2021.06.30', [{ start: '2019-07', end: '2021-06' }]],
    ['2016.07-2018.06；2019.03-至今', [{ start: '2016-07', end: '2018-06' }, { start: '2019-03' }]],
    ['2016.07-2018.06;2019.03-至今', [{ start: '2016-07', end: '2018-06' }, { start: '2019-03' }]],
    ['2016.07-2018.06、2019.03-至今', [{ start: '2016-07', end: '2018-06' }, { start: '2019-03' }]],
    ['2016.07-2018.06\n2019年3月-至今', [{ start: '2016-07', end: '2018-06' }, { start: '2019-03' }]],
  ])('work period %j', (raw, expected) => expect(value(parseWorkPeriods(raw))).toEqual(expected));

  it('still rejects what is not a period', () => {
    expect(parseWorkPeriods('2019.07')).toMatchObject({ ok: false, problem: { key: 'answer.work' } });
    expect(parseWorkPeriods('从去年开始')).toMatchObject({ ok: false, problem: { key: 'answer.work' } });
    expect(parseWorkPeriods('2019.13-至今')).toMatchObject({ ok: false, problem: { key: 'answer.work' } });
    expect(parseWorkPeriods('2021.06-2019.07')).toMatchObject({ ok: false, problem: { key: 'answer.work-order' } });
  });

  it('reads certificates written as 助理社工 / 中级社工', () => {
    expect(value(parseCertificates('助理社工:2019-12、中级社工:2022-06'))).toEqual([
      { level: 'assistant', obtained: '2019-12' },
      { level: 'intermediate', obtained: '2022-06' },
    ]);
  });
});
