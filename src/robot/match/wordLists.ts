const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/u).filter((w) => w !== ''));

/**
 * Words that carry little meaning in a short reply (pronouns, particles, fillers); they are left out
 * when an utterance is compared with an example phrase. Negations are never stop words.
 */
export const STOP_WORDS = words(`
  我 你 您 他 她 它 我们 你们 他们 的 地 得 了 着 过 吗 呢 吧 啊 呀 哦 噢 嗯 额 呃 哈 嘛 么 啦 哎 诶 喂
  这 那 这个 那个 就 也 都 一下
  i me my you your we our it a an the is am are was were be to of and or in on at for with that this
  so just um uh oh well
`);

/** Characters that negate the Chinese word they begin: 不需要, 没兴趣, 别打了, 甭说了. */
export const NEGATION_PREFIXES = words('不 没 别 甭');

/** Words that are negations on their own. */
export const NEGATION_WORDS = words(`
  无 未 非 否
  not no never nothing nobody none nope nah neither nor
`);

/**
 * Words and two-word phrases that begin with a negation but do not negate (不错 = quite good,
 * no problem). Chinese ones are written without a space whether jieba cuts them or not (没|问题).
 */
export const NOT_NEGATIONS: ReadonlySet<string> = new Set([
  ...words('不错 不过 不客气 不好意思 没错 没事 没关系 没问题 别人 别的 不少 不久 不断'),
  'no problem',
  'no worry',
]);
