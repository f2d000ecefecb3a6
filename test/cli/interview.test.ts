import { describe, expect, it } from 'vitest';
import { completeAnswers, resolveAnswers, type RawAnswers } from '../../src/answers/resolve-answers.js';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { folderProblem, interview } from '../../src/cli/interview.js';
import type { Prompter } from '../../src/cli/prompter.js';
import { CancelledError } from '../../src/errors.js';
import { messagesFor } from '../../src/i18n/messages.js';
import { provinces } from '../helpers/fixtures.js';

/** A prompter that answers from a script, in order, and checks each typed answer with the prompt's validator. */
function scripted(answers: string[]) {
  const asked: string[] = [];
  const rejected: string[] = [];
  const next = (message: string) => {
    asked.push(message);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`no scripted answer for: ${message}`);
    return answer;
  };
  const prompter: Prompter = {
    async confirm({ message }) {
      return ['yes', 'y', '是'].includes(next(message));
    },
    async select({ message, choices }) {
      const answer = next(message);
      if (!choices.some((c) => c.value === answer)) throw new Error(`${answer} is not a choice of ${message}`);
      return answer;
    },
    async input({ message, validate }) {
      let answer = next(message);
      // A rejected answer is typed again, as a user would after reading the message.
      while (validate(answer) !== true) {
        rejected.push(answer);
        answer = next(message);
      }
      return answer;
    },
  };
  return { prompter, asked, rejected };
}

const messages = messagesFor('zh-CN');
const run = (script: string[], given: RawAnswers = {}, askHukou = true) => {
  const { prompter, asked, rejected } = scripted(script);
  const answers = resolveAnswers(given, provinces).answers;
  return { done: interview({ answers, defaults: {}, provinces, messages, prompter, askHukou }), asked, rejected };
};

describe('interview', () => {
  it('gives the same answers as the equivalent flags', async () => {
    const { done, rejected } = run([
      'intermediate',
      'highschool',
      'other',
      '2008年6月',
      'full-time',
      '2009-01..',
      '坏日期',
      '2018-12',
      'hubei',
      'no',
      'none',
      'henan',
    ]);
    const fromPrompts = await done;
    const fromFlags = completeAnswers(
      resolveAnswers(
        {
          level: '中级',
          education: '高中',
          major: '其他',
          graduated: '2008-06',
          studyMode: '全日制',
          work: ['2009-01..'],
          certificates: ['助理:2018-12'],
          province: '湖北',
          hukou: '河南',
        },
        provinces,
      ).answers,
    );
    expect(fromPrompts).toEqual({ ...fromFlags, degrees: [], educationCases: [] });
    expect(rejected).toEqual(['坏日期']);
  });

  it('asks only what the flags did not give, and no certificate when none is needed', async () => {
    const { done, asked } = run(['2020-06', 'no', 'none', ''], {
      level: 'assistant',
      education: 'bachelor',
      major: 'other',
      studyMode: 'full-time',
      work: 'none',
      province: '广东',
    });
    const answers = await done;
    expect(asked).toEqual([
      messages.prompt.graduated,
      messages.prompt.moreDegrees,
      messages.prompt.educationCase,
      messages.prompt.hukou,
    ]);
    expect(answers).toMatchObject({ graduated: '2020-06', certificates: [], work: [] });
    expect(answers.hukou).toBeUndefined();
  });

  it('asks for the 中级 certificate for 高级', async () => {
    const { done, asked } = run(
      ['2019-12', 'no', 'abroad'],
      {
        level: 'senior',
        education: 'bachelor',
        major: 'other',
        graduated: '2010-06',
        studyMode: 'full-time',
        work: '2010-07..',
        province: '广东',
      },
      false,
    );
    const answers = await done;
    expect(answers.certificates).toEqual([{ level: 'intermediate', obtained: '2019-12' }]);
    // An overseas degree: the checklist will ask for the 留学服务中心 certification.
    expect(answers.educationCases).toEqual(['abroad']);
    expect(asked).toEqual([
      messages.prompt.certIntermediate,
      messages.prompt.moreDegrees,
      messages.prompt.educationCase,
    ]);
  });

  it('asks for the enrolment month when work predates a full-time graduation, and for further qualifications', async () => {
    // The audit's R1: 大专 (full-time, 2023-06) after work in 2016–2020. Empty enrolment = unknown.
    const given = {
      level: 'assistant',
      education: 'associate',
      major: 'other',
      graduated: '2023-06',
      studyMode: 'full-time',
      work: '2016-01..2020-08, 2023-07..',
      province: '广东',
    };
    const { done, asked, rejected } = run(
      ['2021-13', '2020-09', 'yes', 'highschool', 'other', 'full-time', '2017..2019', '..2013-06', 'no', 'none'],
      given,
      false,
    );
    const answers = await done;
    expect(asked[0]).toBe(messages.prompt.enrolled);
    expect(rejected).toEqual(['2021-13', '2017..2019']);
    expect(answers.enrolled).toBe('2020-09');
    expect(answers.degrees).toEqual([
      { education: 'highschool', major: 'other', studyMode: 'full-time', graduated: '2013-06' },
    ]);
    // No work before graduation: the enrolment month is not asked.
    const later = run(['no', 'renamed'], { ...given, work: '2023-07..' }, false);
    expect((await later.done).educationCases).toEqual(['renamed']);
    expect(later.asked).toEqual([messages.prompt.moreDegrees, messages.prompt.educationCase]);
  });

  it('Ctrl-C inside a prompt becomes a CancelledError', async () => {
    const prompter: Prompter = {
      select: async () => {
        throw new CancelledError();
      },
      input: async () => '',
      confirm: async () => true,
    };
    await expect(
      interview({ answers: {}, defaults: {}, provinces, messages, prompter, askHukou: false }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('the materials folder question', () => {
  it('is asked again for a folder with no file in it, naming a subfolder the files may be in', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'shegong-folder-'));
    expect(folderProblem(dir, messages)).toBe(messages.ui.folderEmpty(dir));
    mkdirSync(path.join(dir, 'b-later'));
    mkdirSync(path.join(dir, 'a-first'));
    writeFileSync(path.join(dir, '.hidden'), '');
    expect(folderProblem(dir, messages)).toBe(messages.ui.folderEmpty(dir, path.join(dir, 'a-first')));
    writeFileSync(path.join(dir, '照片.jpg'), '');
    expect(folderProblem(dir, messages)).toBeUndefined();
    // An entry that cannot be looked at (a link to itself) is skipped, as --files skips it: the
    // folder is neither "missing" nor "empty".
    symlinkSync('loop', path.join(dir, 'loop'));
    expect(folderProblem(dir, messages)).toBeUndefined();
    expect(folderProblem('', messages)).toBeUndefined(); // left empty: skipped
  });
});
