import { describe, expect, it } from 'vitest';
import { maxBodyLength, parseRequest, requestLineOf } from '../../../src/simulator/apiConsole/parseRequest';
import type { ApiRequest } from '../../../src/simulator/apiConsole/types';

function parsed(text: string): ApiRequest {
  const result = parseRequest(text);
  if (!result.ok) throw new Error(`expected a request, got: ${result.message}`);
  return result.request;
}

function refusal(text: string) {
  const result = parseRequest(text);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.request)}`);
  return result;
}

describe('reading a typed request', () => {
  it('reads a one-line request with its JSON body on the request line', () => {
    expect(parsed('POST /orders/ {"customer_id":"123","product":"Laptop","quantity":2}')).toEqual({
      method: 'POST',
      path: '/orders/',
      query: {},
      headers: {},
      body: { kind: 'json', value: { customer_id: '123', product: 'Laptop', quantity: 2 } },
    });
  });

  it('reads a request line, headers, a blank line and a body spread over lines (CRLF too)', () => {
    const request = parsed(
      'PUT /orders/o-1/status/ HTTP/1.1\r\nContent-Type: application/json\r\nIdempotency-Key: k-1\r\n\r\n{\r\n  "new_status": "shipped"\r\n}',
    );
    expect(request).toMatchObject({
      method: 'PUT',
      path: '/orders/o-1/status/',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' },
      body: { kind: 'json', value: { new_status: 'shipped' } },
    });
  });

  it('takes a body that starts right under the request line, without a blank line', () => {
    expect(parsed('POST /users/\n{"first_name":"John"}').body).toEqual({ kind: 'json', value: { first_name: 'John' } });
  });

  it('decodes the query string and the path, and takes the path of a full URL', () => {
    expect(parsed('GET /api/v1/orders/customer/ada%40example.com')).toMatchObject({ path: '/api/v1/orders/customer/ada@example.com' });
    expect(parsed('GET /api/v1/orders/search?q=mechanical+keyboard&q=ignored')).toMatchObject({
      path: '/api/v1/orders/search',
      query: { q: 'mechanical keyboard' },
    });
    expect(parsed('GET http://localhost:8000/orders/?limit=5')).toMatchObject({ path: '/orders/', query: { limit: '5' } });
  });

  it('accepts a lower-case method and ignores blank lines before the request line', () => {
    expect(parsed('\n\n  get /orders/  ')).toMatchObject({ method: 'GET', path: '/orders/', body: { kind: 'none' } });
  });

  it('tells a JSON null body apart from no body', () => {
    expect(parsed('POST /orders/ null').body).toEqual({ kind: 'json', value: null });
    expect(parsed('POST /orders/\n\n   \n').body).toEqual({ kind: 'none' });
  });

  it('names a request by its line', () => {
    expect(requestLineOf(parsed('GET /api/v1/orders?status=pending&limit=10'))).toBe('GET /api/v1/orders?status=pending&limit=10');
  });
});

describe('refusing a malformed request with the reason', () => {
  it('an empty request', () => {
    expect(refusal('   \n  ')).toMatchObject({ status: 400, message: expect.stringMatching(/empty.*GET \/orders\//) });
  });

  it('a request line without a path, or without a method', () => {
    expect(refusal('GET').message).toMatch(/no path after GET/);
    expect(refusal('/orders/').message).toMatch(/no method/);
    expect(refusal('/orders/ GET').message).toMatch(/must start with the method/);
    expect(refusal('hello').message).toMatch(/request line/);
  });

  it('an unknown method', () => {
    expect(refusal('FETCH /orders/').message).toMatch(/"FETCH" is not an HTTP method/);
  });

  it('a path that does not start with a slash, or a broken URL or %-escape', () => {
    expect(refusal('GET orders/').message).toMatch(/must start with "\/"/);
    expect(refusal('GET http://[bad/orders/').message).toMatch(/not a valid URL/);
    expect(refusal('GET /orders/%zz/').message).toMatch(/broken %-escape/);
  });

  it('words after the path that cannot start a body: most often a space typed inside the path', () => {
    const spaced = refusal('GET /orders/<img src=x onerror=alert(1)>/');
    expect(spaced.message).toMatch(/After the path \/orders\/<img the line goes on with "src=x onerror=alert\(1\)>\/"/);
    expect(spaced.message).toMatch(/write a space as %20/);
    expect(spaced.message).not.toMatch(/not valid JSON/);
    // A body that starts like JSON is still judged as JSON, with its line and column.
    expect(refusal('POST /orders/ {quantity: 2}').message).toMatch(/property names must be in double quotes/);
  });

  it('a line between the request line and the body that is not a header', () => {
    expect(refusal('POST /orders/\nthis is not a header\n\n{}').message).toMatch(/Line 2 is neither a header/);
  });

  it('invalid JSON, with the line, column and position of the mistake', () => {
    const missingComma = refusal('POST /orders/ {"customer_id": "123", "product": "Laptop" "quantity": 2}');
    expect(missingComma.position).toEqual({ offset: 43, line: 1, column: 44 });
    expect(missingComma.message).toMatch(/line 1, column 44 .*position 43.*expected "," or "}" after a property value/);

    const trailingComma = refusal('POST /orders/\n\n{\n  "quantity": 2,\n}');
    expect(trailingComma.position).toMatchObject({ line: 3, column: 1 });
    expect(trailingComma.message).toMatch(/trailing comma/);

    expect(refusal("POST /orders/ {'quantity': 2}").message).toMatch(/double quotes/);
    expect(refusal('POST /orders/ {quantity: 2}').message).toMatch(/property names must be in double quotes/);
    expect(refusal('POST /orders/ {"quantity": 2').message).toMatch(/ends inside an object/);
    expect(refusal('POST /orders/ {"product": "Lap').message).toMatch(/string is not closed/);
    expect(refusal('POST /orders/ {"quantity": 02}').message).toMatch(/number must look like/);
    expect(refusal('POST /orders/ {"a": 1} extra').message).toMatch(/after the end of the JSON value/);
    expect(refusal('POST /orders/ [1, 2,]').message).toMatch(/trailing comma before "\]"/);
    expect(refusal('POST /orders/ {"a": tru}').message).toMatch(/expected a value/);
  });

  it('broken JSON nested deeper than any order needs, without exhausting the stack', () => {
    expect(refusal(`POST /orders/ ${'['.repeat(100_000)}`).message).toMatch(/nesting deeper than 64 levels/);
  });

  it('a body too large to be an order (413)', () => {
    const result = refusal(`POST /orders/ {"product": "${'x'.repeat(maxBodyLength)}"}`);
    expect(result.status).toBe(413);
    expect(result.message).toMatch(/at most 100000/);
  });
});
