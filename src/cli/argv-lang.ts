/**
 * The spellings of the two languages, and whether argv asks for English: read before commander
 * parses (the help and commander's errors follow it) and again by main for errors. Imports nothing.
 */
export const ZH_NAMES = ['zh-cn', 'zh', 'cn', 'zh-hans', '中文', '简体中文', '汉语'];
export const EN_NAMES = ['en', 'en-us', 'en-gb', 'english', '英文', '英语'];

/** `--lang en`, `--lang=EN`, `--lang english`. */
export const wantsEnglish = (argv: readonly string[]): boolean =>
  argv.some((arg, i) =>
    EN_NAMES.includes(
      (arg.startsWith('--lang=')
        ? arg.slice('--lang='.length)
        : arg === '--lang'
          ? (argv[i + 1] ?? '')
          : ''
      ).toLowerCase(),
    ),
  );
