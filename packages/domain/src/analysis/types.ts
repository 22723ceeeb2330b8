import type { Theme } from "../themes.js";

export interface ThemeFinding {
  theme: Theme;
  score: number;
  /** The exact phrases of the reflection that count as evidence, in reading order. */
  evidence: string[];
}

export interface Analysis {
  /** Strongest first; only themes present. */
  themes: ThemeFinding[];
  distress: boolean;
  distressEvidence: string[];
  /** Positive statements, quoted from the reflection. */
  highPoints: string[];
  /** Enough substance to warrant an analysis email. */
  substantial: boolean;
  wordCount: number;
  /** A short personal summary for the analysis email (only the LLM analyser writes one). */
  summary?: string;
}

export interface Analyser {
  readonly name: string;
  analyse(text: string): Promise<Analysis>;
}
