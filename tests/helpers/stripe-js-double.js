// A stand-in for Stripe.js (https://js.stripe.com), served to the browser by the end-to-end tests in its place.
// It implements what the shop uses, with Stripe's names and rules: Stripe(pk), elements({ mode, amount, currency }),
// elements.update / submit, the Express Checkout Element (ready, click with resolve within 1 s,
// shippingaddresschange, shippingratechange, confirm with paymentFailed, cancel), the Payment Element (one card
// field) and stripe.confirmPayment, which confirms the PaymentIntent at https://api.stripe.com (the tests route
// that host to the Stripe API stand-in) and on success goes to return_url as Stripe does.
//
// The wallet is a sheet drawn in the page: the test's shopper data (window.__stripeDouble, set before this script)
// stands for what the phone's wallet holds. `outcome: 'decline'` makes the wallet's card one that is declined.
(function () {
  'use strict';
  const shopper = Object.assign(
    {
      wallet: 'google_pay',
      outcome: 'succeed',
      name: 'Wallet Shopper',
      email: 'wallet@example.com',
      phone: '+447700900123',
      address: { line1: '1 Wallet Street', line2: null, city: 'London', state: '', postal_code: 'SE1 9SG', country: 'GB' },
    },
    window.__stripeDouble || {},
  );
  const walletNames = { google_pay: 'Google Pay', apple_pay: 'Apple Pay', link: 'Link' };
  const walletName = walletNames[shopper.wallet] || shopper.wallet;
  const groups = new WeakMap();

  function money(amount, currency) {
    return new Intl.NumberFormat('en-GB', { style: 'currency', currency: (currency || 'gbp').toUpperCase() }).format(amount / 100);
  }

  function emitter(target) {
    const handlers = {};
    target.on = (type, fn) => ((handlers[type] = handlers[type] || []).push(fn), target);
    target.once = (type, fn) => {
      const once = (event) => (target.off(type, once), fn(event));
      return target.on(type, once);
    };
    target.off = (type, fn) => ((handlers[type] = (handlers[type] || []).filter((h) => fn && h !== fn)), target);
    return {
      has: (type) => Boolean(handlers[type] && handlers[type].length),
      emit: (type, event) => (handlers[type] || []).slice().forEach((h) => h(event)),
    };
  }

  // Waits for a handler to call resolve or reject, as Stripe does (the click event must answer within 1 s).
  function ask(events, type, event, ms) {
    return new Promise((done) => {
      const timer = setTimeout(() => done(null), ms);
      const finish = (answer) => (clearTimeout(timer), done(answer));
      events.emit(
        type,
        Object.assign({}, event, {
          resolve: (details) => finish({ ok: true, details: details || {} }),
          reject: () => finish({ ok: false }),
        }),
      );
    });
  }

  function el(tag, props, children) {
    const node = document.createElement(tag);
    Object.entries(props || {}).forEach(([k, v]) => {
      if (k === 'style') Object.assign(node.style, v);
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k in node && k !== 'role') node[k] = v;
      else node.setAttribute(k, v);
    });
    (children || []).forEach((c) => c && node.append(c));
    return node;
  }

  async function api(method, path, params) {
    const query = new URLSearchParams(params);
    const url = `https://api.stripe.com${path}${method === 'GET' ? `?${query}` : ''}`;
    const res = await fetch(url, method === 'GET' ? {} : { method, body: query });
    return { ok: res.ok, body: await res.json() };
  }

  function walletSheet(group, element, options, onClose) {
    const session = Object.assign({}, options);
    const address = shopper.address;
    let rate = (session.shippingRates || [])[0] || null;
    let problem = null;
    const dialog = el('div', {
      role: 'dialog',
      'aria-modal': 'true',
      'aria-label': `${walletName} (test wallet)`,
      style: {
        position: 'fixed',
        inset: 'auto 0 0 0',
        zIndex: 2147483647,
        background: '#fff',
        color: '#111',
        borderTop: '2px solid #111',
        padding: '16px',
        fontFamily: 'system-ui',
        maxHeight: '80vh',
        overflow: 'auto',
      },
    });
    const render = (status) => {
      const currency = group.options.currency;
      const rates =
        session.shippingAddressRequired && session.shippingRates && session.shippingRates.length
          ? el('fieldset', {}, [
              el('legend', { textContent: 'Delivery' }),
              ...session.shippingRates.map((r) =>
                el('label', { style: { display: 'flex', gap: '8px', minHeight: '44px', alignItems: 'center' } }, [
                  el('input', {
                    type: 'radio',
                    name: 'stripe-double-rate',
                    value: r.id,
                    checked: Boolean(rate && r.id === rate.id),
                    disabled: Boolean(status),
                    onchange: () => void chooseRate(r),
                  }),
                  `${r.displayName} (${r.amount === 0 ? 'free' : money(r.amount, currency)})`,
                ]),
              ),
            ])
          : null;
      dialog.replaceChildren(
        el('h2', { textContent: `${walletName} (test wallet)`, style: { fontSize: '18px', margin: '0 0 8px' } }),
        session.emailRequired ? el('p', { textContent: `Contact: ${shopper.email}` }) : null,
        session.shippingAddressRequired
          ? el('p', { textContent: `Ship to: ${shopper.name}, ${address.line1}, ${address.city} ${address.postal_code}` })
          : null,
        rates,
        el('p', { textContent: `Total ${money(group.options.amount, currency)}`, 'data-testid': 'wallet-total' }),
        problem ? el('p', { role: 'alert', textContent: problem }) : null,
        status ? el('p', { role: 'status', textContent: status }) : null,
        el('div', { style: { display: 'flex', gap: '8px' } }, [
          el('button', {
            type: 'button',
            textContent: `Pay ${money(group.options.amount, currency)}`,
            disabled: Boolean(status || problem),
            onclick: () => void pay(),
            style: { minHeight: '44px' },
          }),
          el('button', {
            type: 'button',
            textContent: status === 'Processing…' ? 'Close' : 'Cancel',
            onclick: () => cancel(),
            style: { minHeight: '44px' },
          }),
        ]),
      );
    };
    const close = () => {
      dialog.remove();
      group.wallet = null;
      onClose();
    };
    const cancel = () => {
      close();
      element.events.emit('cancel', { elementType: 'expressCheckout' });
    };
    async function chooseRate(next) {
      const answer = element.events.has('shippingratechange')
        ? await ask(element.events, 'shippingratechange', { shippingRate: next }, 20000)
        : { ok: true, details: {} };
      if (!answer || !answer.ok) problem = 'The shop could not use this delivery option.';
      else {
        rate = next;
        Object.assign(session, answer.details);
      }
      render(null);
    }
    async function pay() {
      group.wallet = { outcome: shopper.outcome, shownAmount: group.options.amount, close };
      render('Processing…');
      element.events.emit('confirm', {
        elementType: 'expressCheckout',
        expressPaymentType: shopper.wallet,
        billingDetails: {
          name: shopper.name,
          email: session.emailRequired ? shopper.email : undefined,
          phone: session.phoneNumberRequired ? shopper.phone : undefined,
          address,
        },
        shippingAddress: session.shippingAddressRequired ? { name: shopper.name, address } : undefined,
        shippingRate: session.shippingAddressRequired ? rate || undefined : undefined,
        paymentFailed: (payload) => {
          group.wallet = null;
          problem = (payload && payload.message) || 'The payment could not be completed.';
          render(null);
        },
      });
    }
    return {
      async open() {
        document.body.append(dialog);
        if (session.shippingAddressRequired) {
          const allowed = session.allowedShippingCountries;
          if (allowed && !allowed.includes(address.country)) problem = `The shop does not deliver to ${address.country}.`;
          else if (element.events.has('shippingaddresschange')) {
            const partial = { city: address.city, state: address.state, postal_code: address.postal_code, country: address.country };
            const answer = await ask(element.events, 'shippingaddresschange', { name: shopper.name, address: partial }, 20000);
            if (!answer || !answer.ok) problem = 'The shop cannot deliver to this address.';
            else Object.assign(session, answer.details);
            rate = (session.shippingRates || []).find((r) => rate && r.id === rate.id) || (session.shippingRates || [])[0] || null;
          }
        }
        render(null);
      },
      refresh: () => dialog.isConnected && !group.wallet && render(null),
    };
  }

  function expressCheckoutElement(group, initial) {
    const options = Object.assign({}, initial);
    const element = {};
    element.events = emitter(element);
    let node = null;
    let sheet = null;
    async function open() {
      if (sheet) return;
      const session = Object.assign({}, options);
      if (element.events.has('click')) {
        const answer = await ask(element.events, 'click', { elementType: 'expressCheckout', expressPaymentType: shopper.wallet }, 1000);
        if (!answer) return console.error('[Stripe.js stand-in] the click handler did not call event.resolve() within 1 second');
        if (!answer.ok) return;
        Object.assign(session, answer.details);
      }
      const opened = walletSheet(group, element, session, () => {
        group.sheets.delete(opened);
        sheet = null;
      });
      sheet = opened;
      group.sheets.add(opened);
      await opened.open();
    }
    Object.assign(element, {
      mount(target) {
        node = typeof target === 'string' ? document.querySelector(target) : target;
        const button = el('button', {
          type: 'button',
          'aria-label': `Pay with ${walletName}`,
          textContent: walletName,
          onclick: () => void open(),
          style: {
            width: '100%',
            minHeight: '48px',
            background: '#000',
            color: '#fff',
            border: '0',
            borderRadius: '8px',
            fontSize: '16px',
          },
        });
        node.replaceChildren(button);
        setTimeout(() => {
          const available = { applePay: false, googlePay: false, link: false, paypal: false, amazonPay: false, klarna: false };
          available[{ google_pay: 'googlePay', apple_pay: 'applePay', link: 'link' }[shopper.wallet]] = true;
          element.events.emit('ready', { elementType: 'expressCheckout', availablePaymentMethods: available });
        }, 50);
      },
      update: (next) => Object.assign(options, next),
      unmount: () => node && node.replaceChildren(),
      destroy: () => (element.unmount(), delete group.elements.expressCheckout),
      focus() {},
      blur() {},
    });
    return element;
  }

  function paymentElement(group) {
    const element = {};
    element.events = emitter(element);
    let input = null;
    Object.assign(element, {
      mount(target) {
        const node = typeof target === 'string' ? document.querySelector(target) : target;
        input = el('input', {
          id: 'stripe-double-card',
          type: 'text',
          inputMode: 'numeric',
          autocomplete: 'cc-number',
          style: { minHeight: '44px', width: '100%' },
        });
        node.replaceChildren(el('label', { htmlFor: 'stripe-double-card', textContent: 'Card number (test stand-in)' }), input);
        setTimeout(() => element.events.emit('ready', { elementType: 'payment' }), 50);
      },
      card: () => (input ? input.value.replace(/\D/g, '') : ''),
      update() {},
      unmount: () => input && input.parentNode && input.parentNode.replaceChildren(),
      destroy: () => (element.unmount(), delete group.elements.payment),
      focus: () => input && input.focus(),
      blur() {},
    });
    return element;
  }

  function elements(options) {
    const group = { options: Object.assign({}, options), elements: {}, wallet: null, submitted: false, sheets: new Set() };
    const api = {
      create(type, opts) {
        if (type === 'expressCheckout') group.elements[type] = expressCheckoutElement(group, opts || {});
        else if (type === 'payment') group.elements[type] = paymentElement(group, opts || {});
        else throw new Error(`[Stripe.js stand-in] elements.create('${type}') is not implemented`);
        return group.elements[type];
      },
      getElement: (type) => group.elements[type] || null,
      update(next) {
        Object.assign(group.options, next);
        group.sheets.forEach((s) => s.refresh());
      },
      fetchUpdates: () => Promise.resolve({}),
      async submit() {
        if (group.wallet) return ((group.submitted = true), {});
        const payment = group.elements.payment;
        if (!payment || payment.card().length < 15)
          return { error: { type: 'validation_error', code: 'incomplete_number', message: 'Your card number is incomplete.' } };
        group.submitted = true;
        return {};
      },
    };
    groups.set(api, group);
    return api;
  }

  async function confirmPayment(key, params) {
    const group = groups.get(params.elements);
    if (!group || !params.clientSecret) throw new Error('[Stripe.js stand-in] confirmPayment needs elements and clientSecret');
    if (!group.submitted)
      return { error: { type: 'invalid_request_error', message: 'elements.submit() must be called before stripe.confirmPayment().' } };
    group.submitted = false;
    let method = 'pm_card_visa';
    let shown = group.options.amount;
    if (group.wallet) {
      method = group.wallet.outcome === 'decline' ? 'pm_card_chargeDeclined' : 'pm_card_visa';
      shown = group.wallet.shownAmount;
      group.wallet.close();
    } else if (group.elements.payment && group.elements.payment.card() === '4000000000000002') method = 'pm_card_chargeDeclined';
    const id = params.clientSecret.split('_secret_')[0];
    const returnUrl = params.confirmParams && params.confirmParams.return_url;
    const { ok, body } = await api('POST', `/v1/payment_intents/${id}/confirm`, {
      key,
      client_secret: params.clientSecret,
      payment_method: method,
      return_url: returnUrl || '',
      shown_amount: String(shown),
    });
    if (!ok) return { error: body.error };
    if (params.redirect === 'if_required') return { paymentIntent: body };
    const next = new URL(returnUrl);
    next.searchParams.set('payment_intent', id);
    next.searchParams.set('payment_intent_client_secret', params.clientSecret);
    next.searchParams.set('redirect_status', body.status);
    window.location.assign(next.toString());
    return new Promise(() => {});
  }

  function Stripe(key) {
    if (typeof key !== 'string' || !key.startsWith('pk_')) throw new Error('[Stripe.js stand-in] Stripe() needs a publishable key (pk_…)');
    const unsupported = (name) => () => Promise.reject(new Error(`[Stripe.js stand-in] ${name} is not implemented`));
    return {
      elements,
      confirmPayment: (params) => confirmPayment(key, params),
      retrievePaymentIntent: async (clientSecret) => {
        const { ok, body } = await api('GET', `/v1/payment_intents/${clientSecret.split('_secret_')[0]}`, {
          key,
          client_secret: clientSecret,
        });
        return ok ? { paymentIntent: body } : { error: body.error };
      },
      createToken: unsupported('createToken'),
      createPaymentMethod: unsupported('createPaymentMethod'),
      confirmCardPayment: unsupported('confirmCardPayment'),
      _registerWrapper() {},
      registerAppInfo() {},
    };
  }
  Stripe.version = 'endive';
  window.Stripe = Stripe;
})();
