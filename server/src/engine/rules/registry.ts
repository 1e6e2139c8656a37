import { configAuthorizationRule, configCredentialRule, configExclusiveSegmentsRule, configUnknownDefaultRule, configUnknownSegmentRule } from './configRules';
import { authorizationRule, credentialRule } from './credentialActionRules';
import { longDescriptionRule, vagueDescriptionRule } from './descriptionRules';
import { duplicateNameRule } from './duplicateNameRule';
import { configUnknownSecretRule, contextHeaderConflictRule, headerShadowedRule, unknownSecretRule } from './headerRules';
import { missingSegmentRule } from './missingSegmentRule';
import { overlapRule } from './overlapRule';
import { noChannelRule } from './noChannelRule';
import { pathParameterRule } from './pathParameterRule';
import { toolSchemaRule } from './toolSchemaRule';
import type { ActionRule, ConfigRule } from './types';
import { unknownSegmentRule } from './unknownSegmentRule';

/** Every rule that checks an action file. */
export const ACTION_RULES: readonly ActionRule[] = [
  overlapRule,
  missingSegmentRule,
  unknownSegmentRule,
  pathParameterRule,
  duplicateNameRule,
  noChannelRule,
  toolSchemaRule,
  vagueDescriptionRule,
  longDescriptionRule,
  credentialRule,
  authorizationRule,
  headerShadowedRule,
  contextHeaderConflictRule,
  unknownSecretRule,
];

/** Every rule that checks opencx.config.json. */
export const CONFIG_RULES: readonly ConfigRule[] = [
  configCredentialRule,
  configAuthorizationRule,
  configUnknownSegmentRule,
  configUnknownDefaultRule,
  configUnknownSecretRule,
  configExclusiveSegmentsRule,
];
