export { analyseReflection, keywordAnalyser } from "./analyse-reflection.js";
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
  buildAnalysisPrompt,
  createLlmAnalyser,
  llmAnswerSchema,
  parseLlmAnswer,
  type LlmAnswer,
} from "./llm-analyser.js";
export type { Analyser, Analysis, ThemeFinding } from "./types.js";
