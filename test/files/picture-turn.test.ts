import { describe, expect, it } from 'vitest';
import { turnsToTry, uprightAfterTurn } from '../../src/files/picture-turn.js';
import { ruleValue } from '../../src/rules/rule-access.js';
import { ruleSet } from '../helpers/fixtures.js';

const rule = ruleValue(ruleSet, 'upload.photo.face');
const face = (detectorScore: number, roll: number) => ({ detectorScore, roll });

describe('turnsToTry', () => {
  it('tries nothing when the detector is sure of an upright face, or of a tilted one short of lying down', () => {
    expect(turnsToTry([face(rule.doubtScore, 0)], rule)).toEqual([]);
    expect(turnsToTry([face(0.95, rule.sidewaysRoll - 1)], rule)).toEqual([]);
  });

  it('turns a face lying on its side back the way it lies', () => {
    expect(turnsToTry([face(0.9, rule.sidewaysRoll)], rule)).toEqual([270]);
    expect(turnsToTry([face(0.9, -rule.sidewaysRoll)], rule)).toEqual([90]);
  });

  it('tries upside down first, then either side, with no face or a doubtful one', () => {
    expect(turnsToTry([], rule)).toEqual([180, 90, 270]);
    expect(turnsToTry([face(rule.doubtScore - 0.01, 0)], rule)).toEqual([180, 90, 270]);
  });

  it('reads the surest face of several', () => {
    expect(turnsToTry([face(0.5, 0), face(0.9, 0)], rule)).toEqual([]);
  });
});

describe('uprightAfterTurn', () => {
  const sure = face(rule.uprightScore, 0);
  it('takes a turned picture whose face is sure and level', () => {
    expect(uprightAfterTurn([], [sure], rule)).toBe(true);
    expect(uprightAfterTurn([face(0.5, 0)], [sure], rule)).toBe(true);
    expect(uprightAfterTurn([face(0.95, 82)], [face(0.9, 4)], rule)).toBe(true);
  });

  it('refuses a turned face that is weak, rolled, absent, or no surer than the stored one', () => {
    expect(uprightAfterTurn([], [], rule)).toBe(false);
    expect(uprightAfterTurn([], [face(rule.uprightScore - 0.01, 0)], rule)).toBe(false);
    expect(uprightAfterTurn([], [face(0.95, rule.uprightMaxRoll + 1)], rule)).toBe(false);
    expect(uprightAfterTurn([face(0.9, 0)], [face(0.85, 0)], rule)).toBe(false);
  });
});
