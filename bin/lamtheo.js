#!/usr/bin/env node
// The CLI is TypeScript run through tsx, so `npx lamtheo` works in a checkout right after `npm install`.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
