// The credential handlers are small and import nothing: passed through as they are.
export { BearerCredentialHandler } from '@actions/http-client/lib/auth';
