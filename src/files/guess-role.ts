/** The upload role a file name suggests (照片.jpg → photo, 身份证正面 → id-front). Pure. */
import type { UploadRole } from '../model/rules.js';
import type { FileResult } from '../model/report.js';

/**
 * What a file is, from the names people give it (data, first match wins): the back of the ID
 * card before the front, so 身份证 alone (or 人像面) is the front; a document before the photo,
 * so 毕业证照片 is the diploma.
 */
const PATTERNS: [UploadRole, RegExp][] = [
  ['id-back', /身份证.*(反面|背面|国徽)|国徽面|id[-_ ]?back|idcard[-_ ]?back/i],
  ['id-front', /身份证|人像面|id[-_ ]?front|idcard[-_ ]?front|id[-_ ]?card/i],
  ['residence-permit', /居住证|residence/i],
  ['social-security', /社保|社会保险|参保|social[-_ ]?security|insurance/i],
  ['work-proof', /工作.*证明|工作年限|在职证明|任职证明|从业证明|社工年限|work[-_ ]?proof|employment/i],
  ['diploma', /学历|学位|毕业证|备案表|认证报告|验证报告|学信|diploma|degree/i],
  ['photo', /照片|证件照|报名照|[蓝白红]底|一寸|1寸|二寸|2寸|免冠|头像|photo|portrait/i],
];

export function guessRole(fileName: string): UploadRole | undefined {
  return PATTERNS.find(([, pattern]) => pattern.test(fileName))?.[0];
}

/** The finding of a file whose role is unknown (the one upload finding not raised by a check). */
export const ROLE_FINDING_ID = 'file.role';
export type RoleFindingId = typeof ROLE_FINDING_ID;

/**
 * A file whose role cannot be told from its name and was not given: an error when it was named
 * to be checked (`files x.jpg`), a warning when it only sits in a materials folder beside the others.
 */
export function unknownRoleResult(file: string, severity: 'error' | 'warning' = 'error'): FileResult {
  return {
    path: file,
    role: 'unknown',
    status: severity === 'error' ? 'fail' : 'warn',
    measured: {},
    findings: [{ id: ROLE_FINDING_ID, severity, args: { path: file } }],
  };
}
