/**
 * What callees say that no script is written for: background talk, half-heard replies, thinking
 * aloud. It gives simulated calls their share of answers the robot does not understand.
 */
export const OFF_SCRIPT: Readonly<Record<'zh' | 'en', readonly string[]>> = {
  zh: [
    '等一下，我这边有人叫我',
    '你稍等，我把火关一下',
    '这边有点吵',
    '哎哟我刚才走神了',
    '现在几点了',
    '我在外面买菜呢',
    '嗯……这个嘛',
    '你们这个流程真麻烦',
    '我家孩子在哭',
    '等我找个安静的地方',
    '今天天气真热',
    '喂喂，你那边是不是卡了',
  ],
  en: [
    'hold on, someone is at the door',
    'give me a second, the kids are loud',
    'hang on, let me turn the tv down',
    'sorry, I was distracted',
    'what time is it there',
    "I'm at the grocery store",
    'um, let me see',
    'this is a lot of questions',
    'wait, let me find somewhere quiet',
    'it is so hot today',
    'hmm, I was just about to eat',
    'my dog is barking, one sec',
  ],
};

/** Single words a mostly silent callee lets out. */
export const SHORT_WORDS: Readonly<Record<'zh' | 'en', readonly string[]>> = {
  zh: ['啊？', '哦', '谁', '呃'],
  en: ['hmm', 'uh', 'well', 'oh'],
};

/** Said before a keyword to make a reply sound spoken. */
export const FILLERS: Readonly<Record<'zh' | 'en', readonly string[]>> = {
  zh: ['嗯，', '那个，', '哦，', '呃，'],
  en: ['well, ', 'um, ', 'oh, ', 'uh, '],
};
