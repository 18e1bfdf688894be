// ES module resolve hook registered by use-mocha-11.mjs: `mocha` imported by Stryker's mocha
// runner resolves to the `mocha-11` alias. Everything else resolves as usual.
let runner = '/@stryker-mutator/mocha-runner/';

export function initialize(data) {
  if (data?.runner) runner = data.runner;
}

export function resolve(specifier, context, next) {
  if ((specifier === 'mocha' || specifier.startsWith('mocha/')) && context.parentURL?.includes(runner)) {
    return next(`mocha-11${specifier.slice('mocha'.length)}`, context);
  }
  return next(specifier, context);
}
