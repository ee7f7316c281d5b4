export { createPersona } from './createPersona.js';
export { isPersonaName, PERSONAS, type Persona, type PersonaName } from './persona.js';
export { type SimulatedCall, simulateConversation } from './simulateConversation.js';
export { callerSpeechMs, ROBOT_CHARS_PER_SECOND, robotSpeechMs } from './speechTiming.js';
