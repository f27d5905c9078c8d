import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, GaugeChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, TitleComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, LineChart, PieChart, GaugeChart, GridComponent, TooltipComponent, LegendComponent, TitleComponent, CanvasRenderer]);

export type ChartOption = EChartsCoreOption;

/**
 * One ECharts canvas. Tooltips are drawn on the canvas (richText), never as HTML: series and axis names
 * are owner, account and rule names from the store.
 */
export function EChart({ option, height = 260, label, onClick }: { option: ChartOption; height?: number; label: string; onClick?: (name: string) => void }) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
    chart.current = c;
    const resize = () => c.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.setOption({ animation: false, tooltip: { renderMode: 'richText' }, ...option }, true);
    c.off('click');
    if (onClick) c.on('click', (p) => onClick(String((p as { name?: string | number }).name ?? '')));
  }, [option, onClick]);
  return <div ref={el} role="img" aria-label={label} style={{ height, width: '100%' }} />;
}
