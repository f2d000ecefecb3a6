/** An encrypted PDF: one that needs a password cannot be read; restrictions only are a warning. */
import { uploadCheck } from './check.js';
import { readablePdf } from './pdf-structure.js';

export const pdfEncrypted = uploadCheck({
  name: 'pdf-encrypted',
  ids: ['pdf.encrypted'],
  rules: [],
  severity: {
    fixed: ['error', 'warning'],
    why: 'a PDF that asks for a password cannot be read by the reviewer (error); one with an empty user password opens everywhere (warning)',
  },
  applies: (facts) =>
    readablePdf(facts) &&
    (facts.pdf?.encrypted === true || (facts.pdfRead?.ok === false && facts.pdfRead.reason === 'password')),
  run: (facts) => {
    // pdf.js's verdict refines the structural one (it decrypts, decompresses, counts every page).
    // Encrypted with an empty user password (restrictions only): every reader opens it without asking.
    const ownerOnly = facts.pdfRead?.ok === true && facts.pdfRead.encrypted;
    return [
      {
        id: 'pdf.encrypted',
        severity: ownerOnly ? 'warning' : 'error',
        measured: { encrypted: true, needsPassword: !ownerOnly },
        expected: { encrypted: false },
        args: { variant: ownerOnly ? 'owner' : 'password' },
      },
    ];
  },
});
