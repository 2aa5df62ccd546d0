wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"model": "bench-model", "max_tokens": 16, "messages": [{"role": "user", "content": "What is six times seven?"}]}'
