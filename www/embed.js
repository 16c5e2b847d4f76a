/* chanlab embed: turns each <div data-chanlab="p=pipeline&words=a,b"> into an iframe of the
   chanlab page this script was loaded from, sized to its content.

     <script src="https://CHANLAB/embed.js" defer></script>
     <div data-chanlab="p=pipeline&words=a,b&autorun=1"></div>

   A <pre> (or <code>) of Go source inside the element is the program the embed runs: its text
   goes into the iframe's fragment (#code=, raw DEFLATE in base64url, as chanlab's links carry
   an edited program), the embed shows it beside the output, read-only, or in the editor with
   edit=1, and the <pre> is hidden while the embed stands in for it.

     <div data-chanlab="autorun=1"><pre>package main
     ...</pre></div>

   The iframe reports its height with postMessage({type: 'chanlab:height', height}); only
   messages from chanlab's origin and from one of these iframes are read. The script adds
   nothing to the page but the iframes. They load lazily (an iframe out of sight loads when it
   is scrolled near), send no referrer, and start no worker before their first run, so a page
   of many embeds costs little until one runs. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var page = new URL('./', script.src);
  var origin = page.origin;
  var frames = [];
  var seen = typeof WeakSet === 'function' ? new WeakSet() : null;

  /* The program in `el`'s <pre> or <code>, without the blank lines around it; null if none. */
  function programOf(el) {
    var source = el.querySelector('pre, code');
    if (!source) return null;
    var text = source.textContent.replace(/\r\n?/g, '\n').replace(/^\s*\n/, '').replace(/\s+$/, '');
    return text ? { node: source, text: text + '\n' } : null;
  }

  /* `text` as chanlab's links carry a program: raw DEFLATE, then base64url without padding. */
  function encodeProgram(text) {
    var stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Response(stream).arrayBuffer().then(function (buffer) {
      var bytes = new Uint8Array(buffer);
      var binary = '';
      for (var i = 0; i < bytes.length; i += 0x8000) {
        binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
      }
      return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    });
  }

  function embed(el) {
    if (!seen || seen.has(el)) return;
    seen.add(el);
    var params = new URLSearchParams((el.getAttribute('data-chanlab') || '').replace(/^\?/, ''));
    params.set('embed', '1');
    var program = programOf(el);
    if (!program) {
      show(el, params, '');
      return;
    }
    if (typeof CompressionStream !== 'function') return; // the <pre> stays as it is
    params.set('v', '2');
    encodeProgram(program.text).then(function (code) {
      program.node.hidden = true;
      show(el, params, '#code=' + code);
    });
  }

  function show(el, params, fragment) {
    var iframe = document.createElement('iframe');
    iframe.src = page.href + '?' + params.toString() + fragment;
    iframe.title = 'chanlab: ' + (fragment ? 'Go program' : params.get('p') || 'worker-pool');
    iframe.setAttribute('allow', 'clipboard-write');
    iframe.setAttribute('loading', 'lazy');
    iframe.setAttribute('referrerpolicy', 'no-referrer');
    iframe.style.cssText =
      'display:block;width:100%;height:200px;border:1px solid #d9dee6;border-radius:8px;';
    el.appendChild(iframe);
    frames.push(iframe);
  }

  window.addEventListener('message', function (e) {
    if (e.origin !== origin) return;
    var data = e.data;
    if (!data || typeof data !== 'object' || data.type !== 'chanlab:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === e.source) {
        frames[i].style.height = Math.min(Math.ceil(height), 20000) + 'px';
      }
    }
  });

  function scan() {
    var els = document.querySelectorAll('[data-chanlab]');
    for (var i = 0; i < els.length; i++) embed(els[i]);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', scan);
  } else {
    scan();
  }
})();
