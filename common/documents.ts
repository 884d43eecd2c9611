/** The two documents every member of a network accepts: its agreement and its communication rules. */
export const DOCUMENT_KINDS = ['agreement', 'rules'] as const;
