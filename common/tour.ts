/** The longest welcome text a meta-mentor may write for the first step of a network's tour. */
export const WELCOME_TEXT_MAX = 2000;
