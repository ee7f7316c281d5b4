/**
 * The PDS fields that only a voice robot (Airudder's agent seat) fills: the talk result and remarks,
 * agent dispositions, the agent's name and the recording link on a contact; the agent group, the agents
 * registered and the talk-result tally on a task. Empty, typed as the vendor types them, until then.
 */
export interface RobotContactFields {
  agentName: string;
  talkResult: string;
  talkremarks: string;
  customizeResults: { title: string; value: string }[];
  reclink: string;
}

export interface RobotTaskFields {
  groupName: string;
  registeredCount: number;
  displayTalkResult: string;
  talkResultCount: number;
}

export const robotContactFields = (): RobotContactFields => ({
  agentName: '',
  talkResult: '',
  talkremarks: '',
  customizeResults: [],
  reclink: '',
});

export const robotTaskFields = (): RobotTaskFields => ({
  groupName: '',
  registeredCount: 0,
  displayTalkResult: '',
  talkResultCount: 0,
});
