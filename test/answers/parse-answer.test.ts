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

  it.each(['2019-13', '2019', '19-07', 'July 2019', ''])('rejects year-month %j', (raw) => expect(parseYearMonth(raw).ok).toBe(false));

  it('parses work periods, ongoing ones and none', () => {
    expect(value(parseWorkPeriods('2019-07..2021-06, 2022-03..'))).toEqual([{ start: '2019-07', end: '2021-06' }, { start: '2022-03' }]);
    expect(value(parseWorkPeriods(['2019-07..2021-06', '2022年3月至今']))).toEqual([{ start: '2019-07', end: '2021-06' }, { start: '2022-03' }]);
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
    expect(parseProvince('香港', provinces, true)).toMatchObject({ ok: false, problem: { key: 'answer.province-registers' } });
    expect(parseProvince('武汉', provinces, true).ok).toBe(false);
  });
});
