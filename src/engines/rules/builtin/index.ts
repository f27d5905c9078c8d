import type { RuleInput } from '../rule.js';
import { imdsv1Allowed } from './imdsv1-allowed.js';
import { securityGroupOpenAdminPort } from './security-group-open-admin-port.js';
import { s3BucketPublic } from './s3-bucket-public.js';

/** The built-in rule pack, listed explicitly. */
export const BUILTIN_RULES: readonly RuleInput[] = [imdsv1Allowed, securityGroupOpenAdminPort, s3BucketPublic];
