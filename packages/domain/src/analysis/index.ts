export { analyseReflection, keywordAnalyser, offlineAnalyser } from "./analyse-reflection.js";
export { type ActionPlanInput, actionPlan, type ThemePlan } from "./action-plan.js";
export { actionsFor, THEME_ACTIONS, THEME_LABELS } from "./theme-actions.js";
export { compareWithEarlier, type PastInterview } from "./compare.js";
export {
  evaluateAnalyser,
  formatEvaluation,
  type Evaluation,
  type LabelledReflection,
  type PrecisionRecall,
  type ThemeScore,
} from "./evaluate.js";
export {
  analysisFromLlm,
  buildAnalysisPrompt,
  buildAnalysisRequest,
  type ChatMessage,
  createLlmAnalyser,
  LLM_ANSWER_JSON_SCHEMA,
  type LlmAnalyserOptions,
  type LlmAnswer,
  type LlmRequest,
  llmAnswerSchema,
  parseLlmAnswer,
  scrubPersonalData,
} from "./llm-analyser.js";
export type { Analyser, Analysis, ThemeFinding } from "./types.js";
