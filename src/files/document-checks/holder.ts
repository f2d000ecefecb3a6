/**
 * The report's holder against who the candidate is (a roster row's name and masked ID number).
 * A changed name needs the 户籍 proof of the change; a wrong file is simply the wrong file: both
 * are warnings for a person to look at.
 */
import { documentCheck } from './check.js';

const plain = (v: string) => v.replace(/\s/g, '');

export const documentHolderName = documentCheck({
  name: 'document-holder-name',
  ids: ['document.mismatch'],
  rules: [],
  severity: { fixed: ['warning'], why: 'a different name may be a changed one, proven by another document' },
  applies: (document, context) =>
    Boolean(context.holder?.name && document.holder && plain(context.holder.name) !== plain(document.holder)),
  run: (document, context) => {
    const name = context.holder!.name!;
    const found = document.holder!;
    return [
      {
        id: 'document.mismatch',
        severity: 'warning',
        measured: { holder: found },
        expected: { holder: name },
        args: { field: 'name', found, answered: name },
      },
    ];
  },
});

export const documentHolderId = documentCheck({
  name: 'document-holder-id',
  ids: ['document.mismatch'],
  rules: [],
  severity: { fixed: ['warning'], why: 'only masked digits are compared: a person confirms the file is the wrong one' },
  applies: (document, context) =>
    Boolean(context.holder?.idMasked && document.idNumber && context.holder.idMasked !== document.idNumber),
  run: (document, context) => {
    const idMasked = context.holder!.idMasked!;
    const found = document.idNumber!;
    return [
      {
        id: 'document.mismatch',
        severity: 'warning',
        measured: { idNumber: found },
        expected: { idNumber: idMasked },
        args: { field: 'id', found, answered: idMasked },
      },
    ];
  },
});
