/** React Query keys of the users screens (invalidate `usersKey` after any change to an account). */
export const usersKey = ['users'] as const;
export const userKey = (id: number) => ['users', 'one', id] as const;
