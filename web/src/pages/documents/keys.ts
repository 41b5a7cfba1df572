/** React Query keys of the documents screens (invalidate `documentsKey` after any registry change). */
export const documentsKey = ['documents'] as const;
export const documentKey = (id: number) => ['documents', 'one', id] as const;
export const chainKey = (id: number) => ['documents', 'chain', id] as const;
