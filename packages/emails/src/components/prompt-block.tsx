/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { Section, Text } from "@react-email/components";
import { styles } from "./styles.js";

export interface PromptBlockProps {
  prompts: readonly string[];
  /** One or two sentences on why the answer is worth writing. */
  intro: string;
}

/** The "Just reply to this email" box: the step's question(s), answered by replying. */
export function PromptBlock({ prompts, intro }: PromptBlockProps) {
  const several = prompts.length > 1;
  return (
    <Section style={styles.promptBox}>
      <Text style={styles.promptLabel}>Just reply to this email</Text>
      <Text style={styles.paragraph}>{intro}</Text>
      {several ? (
        <ol style={styles.list}>
          {prompts.map((prompt) => (
            <li key={prompt} style={styles.listItem}>
              {prompt}
            </li>
          ))}
        </ol>
      ) : (
        prompts.map((prompt) => (
          <Text key={prompt} style={styles.promptQuestion}>
            {prompt}
          </Text>
        ))
      )}
      <Text style={styles.promptHint}>
        {several
          ? "Answer them all in one reply, in any order. Your answer is saved to your interview log."
          : "Write as much or as little as you like. Your answer is saved to your interview log."}
      </Text>
    </Section>
  );
}
