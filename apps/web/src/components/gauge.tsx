import { GaugeChart } from 'echarts/charts';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([GaugeChart, SVGRenderer]);

/** The completion gauge (ECharts, SVG); the figure is also given in text for screen readers. */
export function CompletionGauge({ done, total }: { done: number; total: number }) {
  const ref = useRef<HTMLDivElement>(null);
  const percent = total === 0 ? 0 : Math.round((done / total) * 100);
  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'svg' });
    chart.setOption({
      animation: false,
      series: [
        {
          type: 'gauge',
          min: 0,
          max: 100,
          progress: { show: true, width: 14, itemStyle: { color: '#b71c1c' } },
          axisLine: { lineStyle: { width: 14 } },
          axisTick: { show: false },
          splitLine: { show: false },
          axisLabel: { show: false },
          pointer: { show: false },
          title: { offsetCenter: [0, '35%'], fontSize: 14, color: '#333' },
          detail: {
            valueAnimation: false,
            offsetCenter: [0, '-5%'],
            fontSize: 28,
            formatter: '{value}%',
            color: '#222',
          },
          data: [{ value: percent, name: '任务办结率' }],
        },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [percent]);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={ref} style={{ width: '100%', height: 220 }} aria-hidden="true" />
      <figcaption style={{ textAlign: 'center' }}>
        已办结 {done} / {total} 项任务（{percent}%）
      </figcaption>
    </figure>
  );
}
