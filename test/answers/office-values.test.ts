/** Values as rosters write them: a province with its city, a district or county, "2020年3月起". */
import { describe, expect, it } from 'vitest';
import { parseProvince, parseWorkPeriods } from '../../src/answers/parse-answer.js';
import { provinces } from '../helpers/fixtures.js';

const province = (value: string) => {
  const parsed = parseProvince(value, provinces, true);
  return parsed.ok ? parsed.value : parsed.problem.key;
};

describe('provinces from any place name', () => {
  it.each([
    ['广东省东莞市', 'guangdong'],
    ['天河区', 'guangdong'],
    ['广州市天河区', 'guangdong'],
    ['北京市朝阳区', 'beijing'],
    ['内蒙古自治区呼和浩特市', 'neimenggu'],
    ['博罗县', 'guangdong'],
    ['东莞', 'guangdong'],
    ['吉林市', 'jilin'],
    ['海南州', 'qinghai'],
    ['海南藏族自治州', 'qinghai'],
    ['海南省海口市', 'hainan'],
    ['延边朝鲜族自治州', 'jilin'],
    ['德宏傣族景颇族自治州', 'yunnan'],
  ])('%s → %s', (value, id) => expect(province(value)).toBe(id));

  it('a district name two provinces share is never guessed', () => {
    expect(province('朝阳区')).toBe('answer.province');
    expect(province('鼓楼区')).toBe('answer.province');
    expect(province('火星')).toBe('answer.province');
  });
});

describe('work periods that run on', () => {
  it.each(['2020年3月起', '2020.03起至今', '2020年3月至今', '2020.3-至今'])('%s is from 2020-03, ongoing', (value) =>
    expect(parseWorkPeriods(value)).toEqual({ ok: true, value: [{ start: '2020-03' }] }),
  );
});
