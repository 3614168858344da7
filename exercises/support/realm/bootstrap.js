// Runs inside the student's realm (a node:vm context), before any student code, and is the only code there that
// talks to the checker. What it needs from the realm's built-ins is taken now, so a student file that replaces
// JSON.parse, Array.prototype or Promise.prototype.then later cannot change how values cross. Nothing of the
// checker's realm is ever handed to student code: values arrive as JSON text and are rebuilt here, and `host`
// (the checker's one function) is only ever called, never stored where student code can reach it.
(function bootstrap(host) {
  'use strict';
  const realmGlobal = globalThis;
  const parse = JSON.parse;
  const { defineProperty, freeze, create } = Object;
  const apply = Reflect.apply;
  const RealmError = Error;
  const RealmPromise = Promise;
  const promiseThen = Promise.prototype.then;
  const RealmMap = Map;
  const RealmSet = Set;
  const mapSet = Map.prototype.set;
  const setAdd = Set.prototype.add;
  const RealmDate = Date;
  const RealmBigInt = BigInt;
  const errorTypes = { Error, TypeError, RangeError, SyntaxError, ReferenceError, EvalError, URIError };
  const hasOwn = Object.prototype.hasOwnProperty;

  /** `["o", frozen, [[key, node]...]]` and friends (see valueTransfer.ts) → a value of this realm. */
  function revive(node) {
    if (node === null || typeof node !== 'object') return node;
    const tag = node[0];
    if (tag === 'u') return undefined;
    if (tag === 'n') return node[1] === '-0' ? -0 : Number(node[1]);
    if (tag === 'b') return RealmBigInt(node[1]);
    if (tag === 'd') return new RealmDate(node[1]);
    if (tag === 'f') return callbackFor(node[1]);
    if (tag === 'e') {
      const Type = apply(hasOwn, errorTypes, [node[1]]) ? errorTypes[node[1]] : RealmError;
      const error = new Type(node[2]);
      if (error.name !== node[1]) defineProperty(error, 'name', { value: node[1], writable: true, configurable: true });
      for (let i = 0; i < node[3].length; i += 1) defineProperty(error, node[3][i][0], { value: revive(node[3][i][1]), writable: true, enumerable: true, configurable: true });
      return error;
    }
    let value;
    if (tag === 'a') {
      value = [];
      for (let i = 0; i < node[2].length; i += 1) defineProperty(value, i, { value: revive(node[2][i]), writable: true, enumerable: true, configurable: true });
    } else if (tag === 'm') {
      value = new RealmMap();
      for (let i = 0; i < node[2].length; i += 1) apply(mapSet, value, [revive(node[2][i][0]), revive(node[2][i][1])]);
    } else if (tag === 's') {
      value = new RealmSet();
      for (let i = 0; i < node[2].length; i += 1) apply(setAdd, value, [revive(node[2][i])]);
    } else {
      value = {};
      for (let i = 0; i < node[2].length; i += 1) defineProperty(value, node[2][i][0], { value: revive(node[2][i][1]), writable: true, enumerable: true, configurable: true });
    }
    if (node[1] === true) freeze(value);
    return value;
  }

  const fromText = (text) => revive(parse(text));

  /** A function of the checker (a store's readStream, a decider's evolve) as a function of this realm. */
  function callbackFor(id) {
    return function checkerCallback(...args) {
      const answer = host('call', id, args);
      if (answer[0] === 'value') return fromText(answer[1]);
      if (answer[0] === 'threw') throw fromText(answer[1]);
      if (answer[0] === 'pending') {
        return new RealmPromise((resolve, reject) => {
          settlements[answer[1]] = { resolve, reject };
        });
      }
      throw new RealmError(answer[1]);
    };
  }

  /** Promises this realm handed out for the checker's async callbacks, by ticket. */
  const settlements = create(null);
  function settle(ticket, ok, text) {
    const waiting = settlements[ticket];
    delete settlements[ticket];
    if (waiting !== undefined) (ok ? waiting.resolve : waiting.reject)(fromText(text));
  }

  /** Runs a module body `(exports, require, module) => ...` with a `require` that asks the checker. */
  function runModule(body, fileLabel) {
    const exports = {};
    const module = { exports };
    const require = (specifier) => {
      const answer = host('require', String(specifier), fileLabel);
      if (answer[0] === 'module') return answer[1];
      const refusal = new RealmError(answer[1]);
      defineProperty(refusal, 'name', { value: 'StudentCodeError' });
      throw refusal;
    };
    try {
      body(exports, require, module);
      return ['loaded', module.exports];
    } catch (error) {
      return ['threw', error];
    }
  }

  /** Calls one of the student's functions on arguments sent as text; a promise it returns is followed here. */
  function invoke(fn, argsText) {
    const args = fromText(argsText);
    let result;
    try {
      result = apply(fn, undefined, args);
    } catch (error) {
      return ['threw', error, args];
    }
    let ticket;
    try {
      ticket = nextTicket;
      apply(promiseThen, result, [(value) => host('settled', ticket, true, value), (error) => host('settled', ticket, false, error)]);
      nextTicket += 1;
    } catch {
      return ['value', result, args];
    }
    return ['pending', ticket, args];
  }
  let nextTicket = 1;

  // What a browser worker offers exercise code and a bare realm lacks, so the same file runs in both.
  defineProperty(realmGlobal, 'structuredClone', {
    value: function structuredClone(value) {
      const answer = host('clone', value);
      if (answer[0] === 'value') return fromText(answer[1]);
      const failure = new RealmError(answer[1]);
      defineProperty(failure, 'name', { value: 'DataCloneError' });
      throw failure;
    },
    writable: true,
    configurable: true,
  });
  defineProperty(realmGlobal, 'queueMicrotask', {
    value: function queueMicrotask(task) {
      apply(promiseThen, RealmPromise.resolve(), [() => task()]);
    },
    writable: true,
    configurable: true,
  });
  // A student's console.log shows in the grader's output, as it did when vitest ran their file directly.
  const realmString = String;
  const logger = (level) =>
    function log(...items) {
      let text = '';
      for (let i = 0; i < items.length; i += 1) text += (i > 0 ? ' ' : '') + (typeof items[i] === 'string' ? items[i] : safeText(items[i]));
      host('log', level, text);
    };
  const stringify = JSON.stringify;
  function safeText(value) {
    try {
      return typeof value === 'object' && value !== null ? stringify(value) : realmString(value);
    } catch {
      return '[value]';
    }
  }
  defineProperty(realmGlobal, 'console', {
    value: freeze({ log: logger('log'), info: logger('info'), warn: logger('warn'), error: logger('error'), debug: logger('debug') }),
    writable: true,
    configurable: true,
  });
  // The grading machine's process (its files, its working directory, its environment) is not the student's.
  defineProperty(realmGlobal, 'process', {
    get() {
      const refusal = new RealmError('Exercise code runs on its own: `process` (the grading machine, its files and its environment) is not available to it.');
      defineProperty(refusal, 'name', { value: 'StudentCodeError' });
      throw refusal;
    },
    configurable: false,
  });

  return freeze({ runModule, invoke, settle, fromText });
});
