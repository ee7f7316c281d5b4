/**
 * The parts of CALL_INSTANCE_RESULT that only a voice robot produces: dialogue rounds, recordings, the
 * script's grading (taskResult: intent level A–F, tags) and the dialogue log (phoneLog). Until a robot talks
 * on Outdial's calls they are empty, typed as seed 004's example types them.
 */
export function robotCallFields() {
  return {
    sceneInstance: {
      /** 通话轮次 */
      chatRound: 0,
      /** Recording of both sides, and of the customer alone. */
      luyinOssUrl: '',
      userLuyinOssUrl: '',
      /** 话术名 */
      handlePerson: '',
      industry: '',
      /** The intent level as text, e.g. `C级(很少)`. */
      trackResult: '',
      bugType: null,
      /** Who hung up: 0 the robot, 1 the customer. With no robot on the call it is never the robot. */
      hangUp: 1,
      /** Human agent the call was handed to. */
      csStaffId: null,
    },
    taskResult: [] as unknown[],
    phoneLog: { phoneLogs: [] as unknown[], luyinOssUrl: '' },
  };
}
