export const version = '1.4.0';
export function greet(name) {
  return `hello ${name} from acme-app ${version}`;
}
