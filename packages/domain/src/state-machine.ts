/** A tiny transition table: `can` asks, `assert` refuses illegal moves loudly. */
export class IllegalTransitionError extends Error {
  override name = "IllegalTransitionError";
  constructor(
    readonly machine: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(`${machine}: illegal transition ${from} -> ${to}`);
  }
}

export function defineMachine<S extends string>(name: string, transitions: Record<S, readonly S[]>) {
  return {
    states: Object.keys(transitions) as S[],
    can(from: S, to: S): boolean {
      return transitions[from].includes(to);
    },
    assert(from: S, to: S): void {
      if (!transitions[from].includes(to)) throw new IllegalTransitionError(name, from, to);
    },
    isFinal(state: S): boolean {
      return transitions[state].length === 0;
    },
    /** Every state that may move to `to`: the from-set of a bulk status change, written once here. */
    sourcesOf(to: S): S[] {
      return (Object.keys(transitions) as S[]).filter((from) => transitions[from].includes(to));
    },
  };
}
