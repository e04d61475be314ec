// The operators' dashboard: each department against its reporting period, its counts and quality rates, four charts
// (ECharts, bundled under vendor/echarts) and the reminders (催报) with a button per overdue department.
// Text from the database goes in with textContent (Console.el) only; chart options are built from the data as values.
'use strict';

(async () => {
  const { el, time, api, t } = Console;
  await Console.start('dashboard');
  const message = document.getElementById('message');

  const CATEGORY = {
    LICENSE: t('行政许可', 'Licenses'), PENALTY: t('行政处罚', 'Penalties'),
    RED_LIST: t('守信红名单', 'Red list'), BLACK_LIST: t('失信黑名单', 'Black list'),
  };
  const RATE = {
    completeness: t('完整率', 'Completeness'), validity: t('有效率', 'Validity'),
    timeliness: t('及时率', 'Timeliness'), consistency: t('一致率', 'Consistency'),
  };
  const OUTCOME = { SENT: t('已发送', 'sent'), SKIPPED: t('未发送', 'skipped'), FAILED: t('失败', 'failed') };
  const CHANNEL = { EMAIL: t('邮件', 'E-mail'), CONSOLE: t('控制台通知', 'Console notice') };

  // minutes are enough here, and a shorter time keeps the 17 columns within 1280 pixels
  const minute = (instant) => time(instant).slice(0, 16);
  const percent = (rate) => (rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`);

  function statusCell(d) {
    if (!d.overdue) return el('td', { className: 'ontime' }, t('按时', 'on time'));
    if (!d.lastReport) return el('td', { className: 'overdue' }, t('从未报送', 'never reported'));
    return el('td', { className: 'overdue' }, t(`逾期 ${d.daysOverdue} 天`, `${d.daysOverdue} days overdue`));
  }

  function remindButton(d) {
    if (!d.overdue) return el('td');
    const button = el('button', { type: 'button', 'data-remind': d.code }, t('催报', 'Remind'));
    button.addEventListener('click', async () => {
      button.disabled = true;
      const response = await api(`/console/api/monitor/reminders/${encodeURIComponent(d.code)}`, { method: 'POST' });
      const answer = await response.json().catch(() => ({}));
      message.classList.toggle('error', !response.ok);
      message.textContent = response.ok
        ? t(`已催报 ${d.name}：`, `Reminded ${d.name}: `) + answer.reminders
          .map((r) => `${CHANNEL[r.channel] ?? r.channel} ${OUTCOME[r.outcome] ?? r.outcome}`).join('，')
        : (answer.error ?? t(`催报失败（${response.status}）`, `Reminder failed (${response.status})`));
      await load();
    });
    return el('td', {}, button);
  }

  function departments(view) {
    const body = document.querySelector('#departments tbody');
    body.replaceChildren();
    for (const d of view.departments) {
      const q = d.totals.quality;
      body.append(el('tr', { 'data-department': d.code },
        el('td', { title: d.code }, d.name),
        el('td', {}, d.frequency),
        el('td', {}, d.lastReport ? minute(d.lastReport) : '—'),
        el('td', {}, d.dueBy ? minute(d.dueBy) : '—'),
        statusCell(d),
        el('td', { className: 'num' }, d.totals.payloads),
        el('td', { className: 'num' }, d.totals.received),
        el('td', { className: 'num' }, d.totals.stored),
        el('td', { className: 'num' }, d.totals.unchanged),
        el('td', { className: 'num' }, d.totals.rejected),
        el('td', { className: 'num' }, `${d.totals.conflicts} (${d.openConflicts})`),
        el('td', { className: 'num', 'data-rate': 'completeness' }, percent(q.completeness)),
        el('td', { className: 'num', 'data-rate': 'validity' }, percent(q.validity)),
        el('td', { className: 'num', 'data-rate': 'timeliness' }, percent(q.timeliness)),
        el('td', { className: 'num', 'data-rate': 'consistency' }, percent(q.consistency)),
        el('td', {}, d.lastReminder ? minute(d.lastReminder) : '—',
          d.hasEmail ? null : el('span', { className: 'muted', title: 'huiju.departments[].email' },
            t('（无邮箱）', ' (no e-mail)'))),
        remindButton(d)));
    }
  }

  function summary(view) {
    const overdue = view.departments.filter((d) => d.overdue).length;
    const q = view.totals.quality;
    const box = document.getElementById('summary');
    box.replaceChildren();
    for (const [label, value, id] of [
      [t('部门', 'Departments'), view.departments.length, 'departments'],
      [t('逾期', 'Overdue'), overdue, 'overdue'],
      [t('批次', 'Payloads'), view.totals.payloads, 'payloads'],
      [t('接收行', 'Rows'), view.totals.received, 'received'],
      [RATE.completeness, percent(q.completeness), 'completeness'],
      [RATE.validity, percent(q.validity), 'validity'],
      [RATE.timeliness, percent(q.timeliness), 'timeliness'],
      [RATE.consistency, percent(q.consistency), 'consistency'],
    ]) {
      box.append(el('div', { 'data-summary': id }, el('div', { className: 'value' }, value), el('div', {}, label)));
    }
  }

  function reminders(view) {
    const body = document.querySelector('#reminders tbody');
    body.replaceChildren();
    const names = Object.fromEntries(view.departments.map((d) => [d.code, d.name]));
    for (const r of view.reminders) {
      body.append(el('tr', {},
        el('td', {}, time(r.at)),
        el('td', {}, names[r.department] ?? r.department),
        el('td', {}, CHANNEL[r.channel] ?? r.channel),
        el('td', {}, r.recipient ?? ''),
        el('td', {}, OUTCOME[r.outcome] ?? r.outcome),
        el('td', {}, r.detail ?? ''),
        el('td', {}, r.triggeredBy === 'job' ? t('定时任务', 'scheduled job') : r.triggeredBy)));
    }
    document.getElementById('no-reminders').hidden = view.reminders.length > 0;
    document.getElementById('reminders').hidden = view.reminders.length === 0;
  }

  const charts = {};
  function chart(id, option) {
    const node = document.getElementById(id);
    charts[id] ??= echarts.init(node, null, { renderer: 'canvas' });
    // no animation: the figures are read, not watched, and a screenshot or a test sees the finished chart
    charts[id].setOption({ animation: false, ...option }, true);
  }

  function drawCharts(view) {
    const days = view.charts.days.map((d) => d.slice(5));
    const grid = { left: 48, right: 16, top: 36, bottom: 28, containLabel: true };
    chart('chart-records', {
      tooltip: { trigger: 'axis' }, legend: { top: 0 }, grid,
      xAxis: { type: 'category', data: days }, yAxis: { type: 'value', minInterval: 1 },
      series: Object.entries(view.charts.recordsPerDay).map(([category, data]) => ({
        name: CATEGORY[category] ?? category, type: 'bar', stack: 'records', barMaxWidth: 24, data,
      })),
    });
    const reasons = [...view.charts.rejectReasons].reverse();
    chart('chart-rejects', {
      tooltip: { trigger: 'axis' }, grid: { ...grid, top: 8 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: reasons.map((r) => r.code) },
      series: [{ name: t('退回行数', 'Rejected rows'), type: 'bar', barMaxWidth: 24, data: reasons.map((r) => r.count), color: '#d9534f' }],
    });
    const overdue = [...view.charts.mostOverdue].reverse();
    chart('chart-overdue', {
      tooltip: { trigger: 'axis' }, grid: { ...grid, top: 8 },
      xAxis: { type: 'value', minInterval: 1 }, yAxis: { type: 'category', data: overdue.map((o) => o.name) },
      series: [{ name: t('逾期天数', 'Days overdue'), type: 'bar', barMaxWidth: 24, data: overdue.map((o) => o.days), color: '#e8a33d' }],
    });
    chart('chart-quality', {
      tooltip: { trigger: 'axis', valueFormatter: percent }, legend: { top: 0 }, grid,
      xAxis: { type: 'category', boundaryGap: true, data: days },
      yAxis: { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } },
      series: Object.entries(view.charts.qualityTrend).map(([rate, data]) => ({
        name: RATE[rate] ?? rate, type: 'line', data, connectNulls: true, showSymbol: true, symbolSize: 7,
      })),
    });
  }

  async function load() {
    const response = await api('/console/api/monitor/dashboard');
    if (!response.ok) {
      message.classList.add('error');
      message.textContent = t(`无法读取监控数据（${response.status}）`, `Cannot load the dashboard (${response.status})`);
      return;
    }
    const view = await response.json();
    document.getElementById('scope').textContent = t(
      `最近 ${view.windowDays} 天接收的批次；更新于 ${time(view.generatedAt)}`,
      `Payloads received in the last ${view.windowDays} days; as of ${time(view.generatedAt)}`);
    summary(view);
    departments(view);
    reminders(view);
    drawCharts(view);
    document.body.dataset.loaded = 'true';
  }

  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  await load();
})();
